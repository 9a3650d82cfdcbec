package org.tezuo.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tezuo.core.connector.ConnectorDefinitionParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NoticeSendersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final Map<String, String> SECRETS = Map.of(
            "ROBOT_TOKEN", "token-1",
            "DINGTALK_SECRET", "SEC0123456789abcdef",
            "SMS_KEY", "sms-key",
            "WRONG_TOKEN", "token-2");

    private final NoticeSenders senders = new NoticeSenders(SECRETS::get, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ChannelMessage message = new ChannelMessage(1, 42, "welder-1", "张三", "zhangsan@example.com",
            "13800138000", "证书即将到期", "您的焊工证将于 2027-01-05 到期，请安排复审。", "https://tezuo.example/persons/7");

    private @Nullable AutoCloseable server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void weComTextReachesRobot() {
        RobotStubServer robot = start(RobotStubServer.start("token-1", null));

        senders.send(channel("wecom-robot", robot.baseUrl().toString(), "{\"tokenEnv\":\"ROBOT_TOKEN\"}"), message);

        RobotStubServer.Received request = robot.received().getFirst();
        JsonNode body = JSON.readTree(request.body());
        assertThat(request.path()).isEqualTo("/cgi-bin/webhook/send");
        assertThat(request.query()).containsEntry("key", "token-1");
        assertThat(body.path("msgtype").asString()).isEqualTo("text");
        assertThat(body.path("text").path("content").asString())
                .isEqualTo("张三：证书即将到期\n您的焊工证将于 2027-01-05 到期，请安排复审。\nhttps://tezuo.example/persons/7");
        assertThat(body.path("text").path("mentioned_mobile_list").get(0).asString()).isEqualTo("13800138000");
    }

    @Test
    void weComMarkdownReachesRobot() {
        RobotStubServer robot = start(RobotStubServer.start("token-1", null));

        senders.send(channel("wecom-robot", robot.baseUrl().toString(),
                "{\"tokenEnv\":\"ROBOT_TOKEN\",\"format\":\"markdown\"}"), message);

        JsonNode body = JSON.readTree(robot.received().getFirst().body());
        assertThat(body.path("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asString()).startsWith("### 证书即将到期\n\n张三：")
                .endsWith("[https://tezuo.example/persons/7](https://tezuo.example/persons/7)");
    }

    @Test
    void weComWrongKeyIsRejected() {
        RobotStubServer robot = start(RobotStubServer.start("token-1", null));
        NotificationChannel channel = channel("wecom-robot", robot.baseUrl().toString(),
                "{\"tokenEnv\":\"WRONG_TOKEN\"}");

        assertThatThrownBy(() -> senders.send(channel, message))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("通知渠道“robot”拒收消息：errcode 93000，invalid webhook url；请核对机器人密钥、签名密钥或关键词设置"));
    }

    @Test
    void dingTalkSignedTextReachesRobot() {
        RobotStubServer robot = start(RobotStubServer.start("token-1", "SEC0123456789abcdef"));

        senders.send(channel("dingtalk-robot", robot.baseUrl().toString(),
                "{\"tokenEnv\":\"ROBOT_TOKEN\",\"signingSecretEnv\":\"DINGTALK_SECRET\"}"), message);

        RobotStubServer.Received request = robot.received().getFirst();
        JsonNode body = JSON.readTree(request.body());
        assertThat(request.path()).isEqualTo("/robot/send");
        assertThat(request.query()).containsEntry("access_token", "token-1")
                .containsEntry("timestamp", String.valueOf(NOW.toEpochMilli()));
        assertThat(body.path("msgtype").asString()).isEqualTo("text");
        assertThat(body.path("text").path("content").asString()).startsWith("张三：证书即将到期\n");
        assertThat(body.path("at").path("atMobiles").get(0).asString()).isEqualTo("13800138000");
    }

    @Test
    void dingTalkSignatureMatchesDocumentedAlgorithm() {
        // Expected value from: printf '1700000000000\nSECtest' | openssl dgst -sha256 -hmac SECtest -binary | base64
        assertThat(DingTalkRobotSender.sign(1_700_000_000_000L, "SECtest"))
                .isEqualTo("aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=");
    }

    @Test
    void dingTalkUnsignedRequestIsRejectedBySigningRobot() {
        RobotStubServer robot = start(RobotStubServer.start("token-1", "SEC0123456789abcdef"));
        NotificationChannel channel = channel("dingtalk-robot", robot.baseUrl().toString(),
                "{\"tokenEnv\":\"ROBOT_TOKEN\",\"format\":\"markdown\"}");

        assertThatThrownBy(() -> senders.send(channel, message))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.arguments())
                        .containsExactly("robot", "310000", "sign not match"));
    }

    @Test
    void smsGatewayReceivesTemplate() {
        SmsGatewayStubServer gateway = start(SmsGatewayStubServer.start("sms-key"));

        senders.send(channel("sms-gateway", gateway.baseUrl().toString(), "{}", "\"credentials\":{\"apiKeyEnv\":\"SMS_KEY\"}"),
                message);

        SmsGatewayStubServer.Received request = gateway.received().getFirst();
        JsonNode body = JSON.readTree(request.body());
        assertThat(request.apiKey()).isEqualTo("sms-key");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(body.path("mobile").asString()).isEqualTo("13800138000");
        assertThat(body.path("content").asString()).isEqualTo("证书即将到期：您的焊工证将于 2027-01-05 到期，请安排复审。\n"
                + "https://tezuo.example/persons/7");
    }

    @Test
    void smsGatewayRejectionNamesStatus() {
        SmsGatewayStubServer gateway = start(SmsGatewayStubServer.start("other-key"));
        NotificationChannel channel = channel("sms-gateway", gateway.baseUrl().toString(),
                "{\"bodyTemplate\":\"{\\\"to\\\":\\\"${mobile}\\\",\\\"text\\\":\\\"${text}\\\"}\"}",
                "\"credentials\":{\"apiKeyEnv\":\"SMS_KEY\"}");

        assertThatThrownBy(() -> senders.send(channel, message))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("Notification channel \"robot\" returned HTTP 401; check the connector address, "
                                + "it is retried automatically"));
        assertThat(JSON.readTree(gateway.received().getFirst().body()).path("to").asString()).isEqualTo("13800138000");
    }

    @Test
    void emailReachesSmtpServer() {
        SmtpStubServer smtp = start(SmtpStubServer.start());

        senders.send(channel("email", "smtp://127.0.0.1:" + smtp.port(), "{\"from\":\"tezuo@example.com\"}"),
                message);

        SmtpStubServer.Mail mail = smtp.mails().getFirst();
        assertThat(mail.from()).isEqualTo("tezuo@example.com");
        assertThat(mail.recipients()).containsExactly("zhangsan@example.com");
        assertThat(mail.data()).contains("Subject: =?UTF-8?");
        assertThat(mail.data()).contains("charset=UTF-8");
    }

    @Test
    void emailWithoutAddressNamesUser() {
        ChannelMessage noEmail = new ChannelMessage(1, 42, "welder-1", "张三", null, null, "s", "b", null);
        NotificationChannel channel = channel("email", "smtp://127.0.0.1:25", "{\"from\":\"tezuo@example.com\"}");

        assertThatThrownBy(() -> senders.send(channel, noEmail))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("用户“welder-1”未登记邮箱，无法通过渠道“robot”发送；请在用户资料中补充邮箱后重试"));
    }

    @Test
    void channelTopicsMatchPrefixes() {
        NotificationChannel channel = channel("wecom-robot", "http://127.0.0.1:1", "{}",
                "\"topics\":[\"qualification.*\",\"report.health\"]");

        assertThat(channel.sends("qualification.warning")).isTrue();
        assertThat(channel.sends("report.health")).isTrue();
        assertThat(channel.sends("report.other")).isFalse();
        assertThat(channel.sends("qualificationx")).isFalse();
    }

    private <T extends AutoCloseable> T start(T started) {
        server = started;
        return started;
    }

    private static NotificationChannel channel(String type, String baseUrl, String settings, String... extra) {
        String body = "{\"type\":\"" + type + "\",\"baseUrl\":\"" + baseUrl + "\",\"channel\":" + settings
                + (extra.length == 0 ? "" : "," + String.join(",", extra)) + "}";
        JsonNode node = JSON.readTree(body);
        return NotificationChannels.parse(new ConnectorDefinitionParser().parse("robot", 1, node), node);
    }
}

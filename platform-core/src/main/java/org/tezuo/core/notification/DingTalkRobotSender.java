package org.tezuo.core.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.ConnectorType;

/**
 * Posts notices to a DingTalk (钉钉) group robot: {@code POST {baseUrl}/robot/send?access_token=TOKEN} with
 * {@code {"msgtype":"text","text":{"content":…},"at":{"atMobiles":[…]}}} or a {@code markdown} message. When the
 * channel names a signing secret, the request also carries {@code timestamp} (milliseconds) and {@code sign}: the
 * Base64 HMAC-SHA256 of {@code timestamp + "\n" + secret} keyed with the secret, URL-encoded.
 */
final class DingTalkRobotSender implements NoticeSender {

    static final String PATH = "/robot/send";

    private final UnaryOperator<@Nullable String> environment;
    private final Clock clock;

    DingTalkRobotSender(UnaryOperator<@Nullable String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.DINGTALK_ROBOT;
    }

    @Override
    public void send(NotificationChannel channel, ChannelMessage message) {
        String token = RobotWebhook.requireSecret(channel, channel.tokenEnv(), environment);
        StringBuilder pathAndQuery = new StringBuilder(PATH).append("?access_token=").append(RobotWebhook.encode(token));
        if (channel.signingSecretEnv() != null) {
            String secret = RobotWebhook.requireSecret(channel, channel.signingSecretEnv(), environment);
            long timestamp = clock.millis();
            pathAndQuery.append("&timestamp=").append(timestamp)
                    .append("&sign=").append(RobotWebhook.encode(sign(timestamp, secret)));
        }
        RobotWebhook.post(channel, environment, pathAndQuery.toString(), RobotWebhook.write(body(channel, message)));
    }

    /** Returns the Base64 HMAC-SHA256 of {@code timestamp + "\n" + secret}, keyed with the secret. */
    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime provides HmacSHA256", e);
        }
    }

    static Map<String, Object> body(NotificationChannel channel, ChannelMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (channel.markdown()) {
            body.put("msgtype", "markdown");
            body.put("markdown", Map.of("title", message.subject(), "text", RobotMarkdown.render(message)));
        } else {
            body.put("msgtype", "text");
            body.put("text", Map.of("content",
                    message.recipientName() + "：" + message.subject() + "\n" + message.bodyWithLink()));
        }
        body.put("at", Map.of("atMobiles", message.mobilePhone() == null ? List.of() : List.of(message.mobilePhone()),
                "isAtAll", false));
        return body;
    }
}

package org.tezuo.core.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.ConnectorType;

/**
 * Posts notices to a WeCom (企业微信) group robot: {@code POST {baseUrl}/cgi-bin/webhook/send?key=KEY} with
 * {@code {"msgtype":"text","text":{"content":…,"mentioned_mobile_list":[…]}}} or, for markdown channels,
 * {@code {"msgtype":"markdown","markdown":{"content":…}}}. The key comes from the variable named by
 * {@code channel.tokenEnv}.
 */
final class WeComRobotSender implements NoticeSender {

    static final String PATH = "/cgi-bin/webhook/send";

    private final UnaryOperator<@Nullable String> environment;

    WeComRobotSender(UnaryOperator<@Nullable String> environment) {
        this.environment = environment;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.WECOM_ROBOT;
    }

    @Override
    public void send(NotificationChannel channel, ChannelMessage message) {
        String key = RobotWebhook.requireSecret(channel, channel.tokenEnv(), environment);
        RobotWebhook.post(channel, environment, PATH + "?key=" + RobotWebhook.encode(key),
                RobotWebhook.write(body(channel, message)));
    }

    static Map<String, Object> body(NotificationChannel channel, ChannelMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (channel.markdown()) {
            body.put("msgtype", "markdown");
            body.put("markdown", Map.of("content", RobotMarkdown.render(message)));
            return body;
        }
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("content", message.recipientName() + "：" + message.subject() + "\n" + message.bodyWithLink());
        if (message.mobilePhone() != null) {
            text.put("mentioned_mobile_list", List.of(message.mobilePhone()));
        }
        body.put("msgtype", "text");
        body.put("text", text);
        return body;
    }
}

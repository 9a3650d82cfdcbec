package org.tezuo.core.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.ConnectorType;

/**
 * Posts notices to a tenant's own HTTP endpoint, the connector type {@code notification}:
 * {@code POST {baseUrl}/notifications} with {@code {"recipient":…,"recipientName":…,"subject":…,"text":…,
 * "link":…}}. Any 2xx status counts as accepted. The connector's credentials (an {@code X-Api-Key} header or HTTP
 * basic authentication) are sent as for every connector.
 */
final class NotificationWebhookSender implements NoticeSender {

    static final String PATH = "/notifications";

    private final UnaryOperator<@Nullable String> environment;

    NotificationWebhookSender(UnaryOperator<@Nullable String> environment) {
        this.environment = environment;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.NOTIFICATION;
    }

    @Override
    public void send(NotificationChannel channel, ChannelMessage message) {
        RobotWebhook.HttpPost.send(channel, environment, PATH, RobotWebhook.write(body(message)));
    }

    static Map<String, @Nullable Object> body(ChannelMessage message) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("recipient", message.recipient());
        body.put("recipientName", message.recipientName());
        body.put("subject", message.subject());
        body.put("text", message.body());
        body.put("link", message.link());
        return body;
    }
}

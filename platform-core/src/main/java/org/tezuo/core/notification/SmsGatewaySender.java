package org.tezuo.core.notification;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.connector.ConnectorType;

/**
 * Sends notices as text messages through a generic HTTP gateway: {@code POST {baseUrl}{channel.path}} with the
 * channel's JSON body template, whose {@code ${mobile}}, {@code ${subject}} and {@code ${text}} placeholders are
 * replaced by JSON-escaped values. Any 2xx status counts as accepted. The connector's credentials (an
 * {@code X-Api-Key} header or HTTP basic authentication) are sent as for every connector.
 */
final class SmsGatewaySender implements NoticeSender {

    private final UnaryOperator<@Nullable String> environment;

    SmsGatewaySender(UnaryOperator<@Nullable String> environment) {
        this.environment = environment;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.SMS_GATEWAY;
    }

    @Override
    public void send(NotificationChannel channel, ChannelMessage message) {
        if (message.mobilePhone() == null) {
            throw new DeliveryFailedException("delivery.noMobilePhone", channel.key(), message.recipient());
        }
        RobotWebhook.HttpPost.send(channel, environment, channel.path(), body(channel, message));
    }

    static String body(NotificationChannel channel, ChannelMessage message) {
        return channel.bodyTemplate()
                .replace("${mobile}", jsonEscaped(message.mobilePhone() == null ? "" : message.mobilePhone()))
                .replace("${subject}", jsonEscaped(message.subject()))
                .replace("${text}", jsonEscaped(message.bodyWithLink()));
    }

    /** Returns {@code value} as the inside of a JSON string literal, without the quotes. */
    private static String jsonEscaped(String value) {
        String quoted = RobotWebhook.write(value);
        return quoted.substring(1, quoted.length() - 1);
    }
}

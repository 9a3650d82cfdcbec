package org.tezuo.core.notification;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tezuo.core.connector.ConnectorType;

/**
 * The senders of every notification channel type, in one place. Secrets are read by variable name through
 * Spring's {@link Environment}, which includes the process environment, so a test can set them as properties.
 */
@Component
public class NoticeSenders {

    private final Map<ConnectorType, NoticeSender> byType = new EnumMap<>(ConnectorType.class);

    @Autowired
    public NoticeSenders(Environment environment, Clock clock) {
        this(environment::getProperty, clock);
    }

    /** Creates the senders with {@code environment} reading secrets by variable name. */
    public NoticeSenders(UnaryOperator<@Nullable String> environment, Clock clock) {
        for (NoticeSender sender : List.of(new WeComRobotSender(environment), new DingTalkRobotSender(environment,
                clock), new EmailSender(environment), new SmsGatewaySender(environment),
                new NotificationWebhookSender(environment))) {
            byType.put(sender.type(), sender);
        }
    }

    /** Sends {@code message} through {@code channel} with the sender of the channel's type. */
    public void send(NotificationChannel channel, ChannelMessage message) {
        NoticeSender sender = byType.get(channel.type());
        if (sender == null) {
            throw new IllegalArgumentException("Not a notification channel type: " + channel.type().code());
        }
        sender.send(channel, message);
    }
}

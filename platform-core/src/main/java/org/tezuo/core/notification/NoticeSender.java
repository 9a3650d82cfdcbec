package org.tezuo.core.notification;

import org.tezuo.core.connector.ConnectorType;

/**
 * Sends notices through one type of notification channel. Implementations are listed in {@link NoticeSenders}.
 */
public interface NoticeSender {

    /** Returns the connector type this sender serves. */
    ConnectorType type();

    /**
     * Sends {@code message} through {@code channel}.
     *
     * @throws DeliveryFailedException when the channel cannot be reached, times out or rejects the message
     */
    void send(NotificationChannel channel, ChannelMessage message);
}

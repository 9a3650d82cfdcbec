package org.tezuo.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/**
 * One delivery of a notice through one channel, as listed for the administrator.
 *
 * @param attempts how many times sending was tried
 * @param nextAttemptAt when a pending delivery is tried next
 * @param errorKey message key of the last failure, or null
 * @param errorArguments arguments of that message
 */
public record Delivery(long id, long tenantId, long noticeId, String recipient, String topic, String subject,
        String connectorKey, String channel, DeliveryStatus status, int attempts, Instant nextAttemptAt,
        @Nullable String errorKey, List<String> errorArguments, Instant createdAt, @Nullable Instant sentAt) {

    public Delivery {
        errorArguments = List.copyOf(errorArguments);
    }

    /** Returns the last failure in {@code locale}, or null when the delivery has not failed. */
    public @Nullable String lastError(Locale locale) {
        return errorKey == null ? null : UserMessages.render(DeliveryFailedException.BUNDLE, locale, errorKey,
                errorArguments.toArray());
    }
}

package org.tezuo.core.notification;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** Thrown when an administrator retries a delivery that is not in the failed state. */
public final class DeliveryNotRetryableException extends LocalizedException {

    public DeliveryNotRetryableException(long deliveryId, DeliveryStatus status) {
        super(new MessageBundle(DeliveryFailedException.BUNDLE), "delivery.notRetryable", String.valueOf(deliveryId),
                status.name());
    }
}

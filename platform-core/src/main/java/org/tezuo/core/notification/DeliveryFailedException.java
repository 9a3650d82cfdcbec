package org.tezuo.core.notification;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** Thrown when a channel does not accept a notice; the dispatcher records the message and retries. */
public final class DeliveryFailedException extends LocalizedException {

    /** Bundle of the notification messages. */
    public static final String BUNDLE = "org.tezuo.core.notification.messages";

    public DeliveryFailedException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }

    public DeliveryFailedException(Throwable cause, String messageKey, Object... arguments) {
        this(messageKey, arguments);
        initCause(cause);
    }
}

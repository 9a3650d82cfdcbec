package org.tezuo.core.metadata.bundle;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown when an upload breaks a {@link BundleLimits} limit; nothing of it is read further. */
public final class BundleTooLargeException extends LocalizedException {

    BundleTooLargeException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

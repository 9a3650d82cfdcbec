package org.tezuo.core.record;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown for a filter, sort or paging parameter that cannot be applied; the message names it and the fix. */
public final class InvalidRecordQueryException extends LocalizedException {

    public InvalidRecordQueryException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

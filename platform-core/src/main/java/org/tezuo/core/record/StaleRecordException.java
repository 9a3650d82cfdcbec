package org.tezuo.core.record;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown when an update or delete names a row version that is no longer current (HTTP 409). */
public final class StaleRecordException extends LocalizedException {

    public StaleRecordException(String entity, long id, int currentRowVersion, int requestedRowVersion) {
        super("record.stale", entity, String.valueOf(id), currentRowVersion, requestedRowVersion);
    }
}

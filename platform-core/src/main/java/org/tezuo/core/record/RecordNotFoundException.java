package org.tezuo.core.record;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown when a record id does not exist, was soft-deleted, or belongs to another tenant: all look the same. */
public final class RecordNotFoundException extends LocalizedException {

    public RecordNotFoundException(String entity, long id) {
        super("record.notFound", entity, String.valueOf(id));
    }
}

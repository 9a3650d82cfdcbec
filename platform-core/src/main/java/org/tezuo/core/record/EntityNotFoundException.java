package org.tezuo.core.record;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown when the tenant has no published entity of that name that stores records. */
public final class EntityNotFoundException extends LocalizedException {

    public EntityNotFoundException(String entity) {
        super("record.entityNotFound", entity);
    }
}

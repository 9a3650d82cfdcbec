package org.tezuo.core.metadata;

import org.tezuo.core.i18n.LocalizedException;

/**
 * Thrown when a change to a document is valid in itself but collides with the document's current state, such as
 * a rollback while a draft is open.
 */
public final class MetadataConflictException extends LocalizedException {

    public MetadataConflictException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

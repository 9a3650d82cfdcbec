package org.tezuo.core.metadata;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.metadata.MetadataKind;

/** Thrown when no published version of a document exists for the tenant. */
public final class MetadataNotFoundException extends LocalizedException {

    public MetadataNotFoundException(MetadataKind kind, String key) {
        super("metadata.notFound", kind.code(), key);
    }
}

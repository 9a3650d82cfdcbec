package org.tezuo.core.metadata;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.metadata.MetadataKind;

/** Thrown when a document has no version with the requested number in the tenant. */
public final class MetadataVersionNotFoundException extends LocalizedException {

    public MetadataVersionNotFoundException(MetadataKind kind, String key, int version, int newestVersion) {
        super("metadata.version.notFound", kind.code(), key, version, newestVersion);
    }
}

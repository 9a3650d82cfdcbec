package org.tezuo.metadata;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One version of a metadata document as stored: identity, status, body and the checksum of the body.
 *
 * @param tenantId owner tenant
 * @param kind document kind, which selects the meta-schema
 * @param key stable key within the tenant and kind, for example {@code hot-work-permit}
 * @param version version number, starting at 1
 * @param status draft or published
 * @param body JSON body, checked against the kind's meta-schema on save
 * @param checksum SHA-256 of the canonical body, see {@link DocumentChecksum}
 * @param author user name of the author of this version
 * @param savedAt when this version was saved
 */
public record MetadataDocument(
        long tenantId,
        MetadataKind kind,
        String key,
        int version,
        DocumentStatus status,
        JsonNode body,
        String checksum,
        String author,
        Instant savedAt) {

    public MetadataDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
    }

    /** Returns a readable reference such as {@code form:hot-work-permit@3}. */
    public String reference() {
        return kind.code() + ":" + key + "@" + version;
    }
}

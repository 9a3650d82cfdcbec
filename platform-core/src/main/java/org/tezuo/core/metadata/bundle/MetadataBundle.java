package org.tezuo.core.metadata.bundle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Published documents of one tenant, as exported to move configuration between tenants.
 *
 * @param exportedAt when the bundle was written
 * @param sourceTenant code of the tenant the documents come from
 * @param documents the documents, in import order
 */
public record MetadataBundle(Instant exportedAt, String sourceTenant, List<Document> documents) {

    /** Value of the {@code format} member that identifies a bundle file. */
    public static final String FORMAT = "tezuo-metadata-bundle";

    /** The only bundle layout this version reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public MetadataBundle {
        documents = List.copyOf(documents);
    }

    /** Returns the download name, such as {@code tezuo-metadata-acme-test-20261204-020000.zip} (time in UTC). */
    public String fileName(BundleFormat format) {
        return "tezuo-metadata-" + sourceTenant + "-" + FILE_TIME.format(exportedAt) + format.extension();
    }

    /**
     * One document of a bundle.
     *
     * @param kind kind code, for example {@code form}
     * @param key document key
     * @param version the published version in the source tenant
     * @param checksum SHA-256 of the canonical body, see {@link org.tezuo.metadata.DocumentChecksum}
     * @param body the document body
     */
    public record Document(String kind, String key, int version, String checksum, JsonNode body) {

        /** Returns {@code kind:key}, the name of the document in messages and selections. */
        public String reference() {
            return kind + ":" + key;
        }
    }
}

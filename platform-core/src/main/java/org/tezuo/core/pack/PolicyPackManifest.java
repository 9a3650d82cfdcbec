package org.tezuo.core.pack;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The declaration a policy pack makes about itself. The signature covers the canonical JSON of the manifest, and the
 * manifest carries the checksum of every document, so the signature covers the documents too.
 *
 * @param id stable pack id, for example {@code gb30871-2022}
 * @param nameZh Chinese name
 * @param nameEn English name, if given
 * @param regulation the regulation the pack implements, for example {@code GB 30871-2022}
 * @param version pack version, for example {@code 2022.1}
 * @param effectiveFrom first day the pack is in force, in the tenant's zone
 * @param effectiveTo last day the pack is in force, or null when open-ended
 * @param supersedes {@code id@version} of the installed pack this one replaces, or null
 * @param requires {@code kind:key} references the pack's documents need, found in the pack or in the tenant
 * @param documents the documents of the pack, in apply order
 */
public record PolicyPackManifest(String id, String nameZh, @Nullable String nameEn, String regulation,
        String version, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, @Nullable String supersedes,
        List<String> requires, List<Entry> documents) {

    public PolicyPackManifest {
        requires = List.copyOf(requires);
        documents = List.copyOf(documents);
    }

    /** Returns {@code id@version}, the name of the pack in messages and in {@code supersedes}. */
    public String reference() {
        return id + "@" + version;
    }

    /**
     * One document of the pack.
     *
     * @param kind kind code, for example {@code ruleset}
     * @param key document key in the tenant
     * @param checksum SHA-256 of the canonical body, see {@link org.tezuo.metadata.DocumentChecksum}
     * @param source the clause the document implements, for example {@code GB 30871-2022 第5章}
     */
    public record Entry(String kind, String key, String checksum, @Nullable String source) {

        /** Returns {@code kind:key}. */
        public String reference() {
            return kind + ":" + key;
        }
    }
}

package org.tezuo.core.pack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pack applied or scheduled in a tenant.
 *
 * @param previousVersions {@code kind:key} to the version published before the pack; null for a document it added
 * @param publishedVersions {@code kind:key} to the version the pack published
 */
public record InstalledPack(long id, long tenantId, String packId, String packVersion, String name,
        String regulation, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, Status status,
        Map<String, @Nullable Integer> previousVersions, Map<String, Integer> publishedVersions, String appliedBy,
        Instant appliedAt, @Nullable Instant activatedAt, @Nullable String rolledBackBy,
        @Nullable Instant rolledBackAt) {

    /** The state of an installed pack. */
    public enum Status {
        /** Waiting for its effective date. */
        SCHEDULED,
        /** In force: its documents are published. */
        ACTIVE,
        /** Replaced by a later pack that names it in {@code supersedes}. */
        SUPERSEDED,
        /** Rolled back, or cancelled before its date. */
        ROLLED_BACK
    }

    /** Returns {@code id@version}. */
    public String reference() {
        return packId + "@" + packVersion;
    }
}

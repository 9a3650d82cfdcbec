package org.tezuo.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash that links each audit record to the one before it in its tenant's chain. A record's hash covers every
 * stored field and the previous record's hash, so editing a field, deleting a record or swapping two records
 * changes a hash that the next record or the chain head still holds.
 */
final class AuditChain {

    /** The previous hash of the first record of a chain. */
    static final String GENESIS = "";

    private AuditChain() {
    }

    /**
     * Returns the SHA-256 (lower-case hex) of a record. Each field is written as its length, a colon and its text,
     * with {@code -1:} for null, so that no two different records produce the same input.
     */
    static String hash(long tenantId, long chainSeq, String prevHash, String actor, Instant occurredAt,
            String action, String subjectType, String subjectId, @Nullable String before, @Nullable String after) {
        StringBuilder input = new StringBuilder(256);
        for (String field : new String[] {Long.toString(tenantId), Long.toString(chainSeq), prevHash, actor,
                storedInstant(occurredAt).toString(), action, subjectType, subjectId, before, after}) {
            if (field == null) {
                input.append("-1:");
            } else {
                input.append(field.length()).append(':').append(field);
            }
        }
        return HexFormat.of().formatHex(sha256().digest(input.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the instant as the database keeps it: PostgreSQL and H2 store microseconds. */
    static Instant storedInstant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}

package org.tezuo.app.permit.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hashes of the evidence chain. A seal's hash covers its fields and the previous seal's hash, so an edited,
 * deleted or reordered seal changes a hash that the next seal holds.
 */
final class SealChain {

    /** The previous hash of a permit's first seal. */
    static final String GENESIS = "";

    private SealChain() {
    }

    /**
     * Returns the SHA-256 (lower-case hex) of a seal. Each field is written as its length, a colon and its text,
     * with {@code -1:} for null, so that no two different seals produce the same input.
     */
    static String sealHash(long tenantId, long permitId, int seq, String prevHash, String riskItemCode,
            long evidenceId, EvidenceKind kind, @Nullable String fileId, String sha256, String sealedBy,
            Instant sealedAt) {
        StringBuilder input = new StringBuilder(256);
        for (String field : new String[] {Long.toString(tenantId), Long.toString(permitId), Integer.toString(seq),
                prevHash, riskItemCode, Long.toString(evidenceId), kind.name(), fileId, sha256, sealedBy,
                storedInstant(sealedAt).toString()}) {
            if (field == null) {
                input.append("-1:");
            } else {
                input.append(field.length()).append(':').append(field);
            }
        }
        return sha256(input.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the SHA-256 (lower-case hex) of {@code bytes}. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Returns the instant as PostgreSQL keeps it: to the microsecond. */
    static Instant storedInstant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package org.tezuo.app.permit.evidence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A seal of one piece of evidence to one risk item of a permit. {@code sealHash} covers every other field and
 * {@code prevHash}, the hash of the seal before it in the permit's chain.
 */
public record EvidenceSeal(long id, long tenantId, long permitId, int seq, String riskItemCode, long evidenceId,
        EvidenceKind evidenceKind, @Nullable String fileId, String sha256, String sealedBy, Instant sealedAt,
        String prevHash, String sealHash) {
}

package org.tezuo.core.qualification.verification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.CertificateState;

/**
 * The report of one verification run of a tenant.
 *
 * @param finishedAt null while the run is in progress, or after its process stopped until the next run resumes it
 * @param checked certificates checked; 0 until the run finishes
 * @param unchanged certificates whose state and ledger values stayed as they were
 * @param changed certificates whose state changed or that adopted values from the registry
 * @param unverifiable certificates for which the registry returned no usable response (未能核验); the next run retries them
 * @param mismatches certificates with the result MISMATCH or NOT_FOUND
 */
public record VerificationRun(
        long id,
        long tenantId,
        String actor,
        Instant startedAt,
        @Nullable Instant finishedAt,
        int checked,
        int unchanged,
        List<CertificateChange> changed,
        int unverifiable,
        int mismatches) {

    /** A certificate the run changed, with its state and the adopted values before and after. */
    public record CertificateChange(long certificateId, String certNumber, CertificateState stateBefore,
            CertificateState stateAfter, List<FieldDifference> adopted) {
    }
}

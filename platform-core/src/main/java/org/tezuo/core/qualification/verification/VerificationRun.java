package org.tezuo.core.qualification.verification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.RegistryResult;

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

    /**
     * A certificate the run changed, with its state and the values adopted from the registry before and after. A
     * change that adopted nothing carries what the registry returned instead, which explains the new state.
     *
     * @param result what the registry returned for the certificate; null in reports stored before results were
     *     kept with each change
     * @param differences the fields on which ledger and registry disagree, with both values
     */
    public record CertificateChange(long certificateId, String certNumber, CertificateState stateBefore,
            CertificateState stateAfter, List<FieldDifference> adopted, @Nullable RegistryResult result,
            List<FieldDifference> differences) {

        public CertificateChange {
            // Reports stored before a component existed are read with null in its place.
            adopted = adopted == null ? List.of() : List.copyOf(adopted);
            differences = differences == null ? List.of() : List.copyOf(differences);
        }
    }
}

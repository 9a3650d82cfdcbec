package org.tezuo.core.qualification.verification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.RegistryResult;

/**
 * The outcome of checking one certificate against the registry.
 *
 * @param detail the text stored with the result: the differences, the registry status or the error, in Chinese
 * @param adopted values taken over from the registry because it shows a newer review
 * @param differences fields on which ledger and registry still disagree
 */
public record CertificateCheck(
        long certificateId,
        String certNumber,
        RegistryResult result,
        @Nullable String detail,
        CertificateState stateBefore,
        CertificateState stateAfter,
        List<FieldDifference> adopted,
        List<FieldDifference> differences,
        Instant checkedAt) {

    /** Returns whether the check changed the certificate's state or adopted values into the ledger. */
    public boolean changedLedger() {
        return stateBefore != stateAfter || !adopted.isEmpty();
    }
}

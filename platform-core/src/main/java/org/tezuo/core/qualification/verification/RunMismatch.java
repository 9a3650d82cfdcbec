package org.tezuo.core.qualification.verification;

import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.RegistryResult;

/**
 * A disagreement between ledger and registry found by a run: one row per differing field of a MISMATCH check, and
 * one row without a field for a certificate the registry does not know (NOT_FOUND).
 *
 * @param certNumber the certificate number with any ID number in it masked
 * @param field the differing field; null for NOT_FOUND
 */
public record RunMismatch(long certificateId, String certNumber, RegistryResult result,
        @Nullable ComparedField field, @Nullable String ledgerValue, @Nullable String registryValue) {
}

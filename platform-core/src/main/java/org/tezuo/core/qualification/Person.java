package org.tezuo.core.qualification;

import org.jspecify.annotations.Nullable;
import org.tezuo.core.privacy.IdNumberMask;

/**
 * A worker known to the tenant, identified by the 18-character resident ID number.
 *
 * @param orgUnit department or team as written in the ledger (所属部门/班组)
 * @param freezeReason why permit submission is frozen, shown on the person's page; null when not frozen
 */
public record Person(
        long id,
        long tenantId,
        String name,
        @Nullable String gender,
        String idNumber,
        @Nullable String orgUnit,
        @Nullable String position,
        boolean permitFrozen,
        @Nullable String freezeReason,
        boolean doorAccessRevoked) {

    /** Returns the ID number masked by {@link IdNumberMask#maskNumber}, for pages and exports. */
    public String maskedIdNumber() {
        return IdNumberMask.maskNumber(idNumber);
    }
}

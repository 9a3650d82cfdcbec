package org.tezuo.core.qualification;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A worker's certificate (特种作业操作证 or 特种设备作业人员证) as held in the ledger, with the last registry check.
 * Validity end, review due and review done are kept apart, as the registry prints them.
 *
 * @param category 作业类别, for example 焊接与热切割作业
 * @param item 操作项目 (准操项目), for example 熔化焊接与热切割作业
 * @param validUntil printed last day of validity; the certificate is valid through 24:00 of that day in the
 *     tenant's zone
 * @param certificateClass whether it is a special-operation or a special-equipment certificate
 * @param reviewExtensionApprovedOn when the authority approved the extended review interval; null when not approved
 * @param stateReason why an administrator revoked or cancelled it; null otherwise
 */
public record Certificate(
        long id,
        long tenantId,
        long personId,
        String certNumber,
        String category,
        String item,
        @Nullable LocalDate firstIssuedOn,
        @Nullable DatePrecision firstIssuedPrecision,
        @Nullable LocalDate validFrom,
        LocalDate validUntil,
        DatePrecision validUntilPrecision,
        @Nullable LocalDate reviewDueOn,
        @Nullable LocalDate reviewDoneOn,
        @Nullable String issuer,
        CertificateState state,
        @Nullable RegistryResult registryResult,
        @Nullable Instant registryCheckedAt,
        @Nullable String registryDetail,
        CertificateClass certificateClass,
        @Nullable LocalDate reviewExtensionApprovedOn,
        @Nullable String stateReason) {
}

package org.tezuo.app.permit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A permit as stored. {@code formVersion}, {@code flowVersion} and {@code rulesetVersion} pin the metadata it was
 * created and submitted under, so it keeps validating and displaying the same after newer versions are published.
 */
public record Permit(
        long id,
        long tenantId,
        String permitType,
        String formKey,
        int formVersion,
        String flowKey,
        @Nullable Integer flowVersion,
        String rulesetKey,
        @Nullable Integer rulesetVersion,
        PermitStatus status,
        String applicant,
        JsonNode data,
        List<PermitRiskItem> riskItems,
        @Nullable JsonNode liveData,
        @Nullable String processInstanceId,
        @Nullable String permitNumber,
        @Nullable String qrToken,
        boolean qrRevoked,
        Instant createdAt,
        @Nullable Instant submittedAt,
        @Nullable Instant issuedAt) {
}

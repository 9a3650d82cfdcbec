package org.tezuo.core.qualification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Derives a certificate's state from its dates, the last registry result and "now" in the tenant's zone.
 * Pure and thread-safe. Order of precedence: revoked or cancelled by an administrator, invalid in the registry,
 * expired, mismatch, review overdue, due soon, valid. An {@link RegistryResult#UNVERIFIABLE} result never changes
 * the outcome.
 *
 * <p>The regulatory values come from the policy's {@link LifecycleRules}, and the version is picked by the date it
 * governs: a derived review due date uses the version in force when the cycle started, and the consequence of a
 * missed review uses the version in force on the due date.
 */
public final class CertificateStateEvaluator {

    private final LifecyclePolicy policy;

    public CertificateStateEvaluator(LifecyclePolicy policy) {
        this.policy = policy;
    }

    /** Returns the state of a special-operation certificate with these dates at {@code now}, read in {@code zone}. */
    public CertificateState evaluate(LocalDate validUntil, @Nullable LocalDate reviewDueOn,
            @Nullable LocalDate reviewDoneOn, @Nullable RegistryResult registryResult, Instant now, ZoneId zone) {
        return evaluate(CertificateClass.SPECIAL_OPERATION, validUntil, reviewDueOn, reviewDoneOn, registryResult,
                now, zone);
    }

    /**
     * Returns the state of {@code certificate} at {@code now}, read in {@code zone}. A revoked or cancelled
     * certificate keeps its state. A missing review due date is derived from the validity start and the rule's
     * review interval.
     */
    public CertificateState evaluate(Certificate certificate, @Nullable RegistryResult registryResult, Instant now,
            ZoneId zone) {
        if (certificate.state().administrative()) {
            return certificate.state();
        }
        return evaluate(certificate.certificateClass(), certificate.validUntil(), reviewDueOf(certificate),
                certificate.reviewDoneOn(), registryResult, now, zone);
    }

    /** Returns the state of a certificate of {@code certificateClass} with these dates at {@code now}, read in {@code zone}. */
    public CertificateState evaluate(CertificateClass certificateClass, LocalDate validUntil,
            @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn,
            @Nullable RegistryResult registryResult, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();

        if (registryResult == RegistryResult.INVALID_IN_REGISTRY) {
            return CertificateState.INVALID;
        }
        if (isExpired(validUntil, now, zone)) {
            return CertificateState.EXPIRED;
        }
        if (registryResult == RegistryResult.MISMATCH || registryResult == RegistryResult.NOT_FOUND) {
            return CertificateState.REGISTRY_MISMATCH;
        }
        boolean reviewOutstanding = reviewDueOn != null && !reviewCoversDueDate(reviewDoneOn, reviewDueOn);
        if (reviewOutstanding && today.isAfter(reviewDueOn)) {
            return overdueState(certificateClass, reviewDueOn, registryResult);
        }
        if (!today.plusDays(policy.reviewDueSoonDays()).isBefore(nextDeadline(validUntil, reviewDueOn, reviewDoneOn))) {
            return CertificateState.REVIEW_DUE_SOON;
        }
        return CertificateState.VALID;
    }

    /**
     * Returns the state of a certificate whose review due date passed without a review. When the rule in force on
     * the due date makes a late review invalidate the certificate (30号令 第二十六条), it is 失效 once the registry
     * has confirmed the certificate after the due date. Without that confirmation the ledger may simply lack the
     * review date, so the state is 逾期未复审 (复审情况待核实). A rule without invalidation keeps it overdue.
     */
    private CertificateState overdueState(CertificateClass certificateClass, LocalDate reviewDueOn,
            @Nullable RegistryResult registryResult) {
        boolean invalidates = policy.rules().ruleOn(certificateClass, reviewDueOn)
                .map(rule -> rule.lateReviewInvalidates().enabled())
                .orElse(true);
        return invalidates && registryResult == RegistryResult.VERIFIED ? CertificateState.INVALID
                : CertificateState.REVIEW_OVERDUE;
    }

    /**
     * Returns the review due date the ledger gives or, when it gives none, the first due date after the validity
     * start (or first issue) that falls before the validity end and is not covered by the recorded review. Each step
     * uses the rule version in force when that cycle started. Returns null when nothing can be derived.
     */
    public @Nullable LocalDate reviewDueOf(Certificate certificate) {
        return reviewDueOf(certificate.certificateClass(), certificate.reviewDueOn(), certificate.validFrom(),
                certificate.firstIssuedOn(), certificate.validUntil(), certificate.reviewDoneOn(),
                certificate.reviewExtensionApprovedOn() != null);
    }

    /**
     * Returns the review due date of a certificate with these ledger values, as {@link #reviewDueOf(Certificate)}
     * does; the ledger import calls it before the certificate is stored.
     *
     * @param extended whether an extended review interval was approved for the certificate
     */
    public @Nullable LocalDate reviewDueOf(CertificateClass certificateClass, @Nullable LocalDate reviewDueOn,
            @Nullable LocalDate validFrom, @Nullable LocalDate firstIssuedOn, LocalDate validUntil,
            @Nullable LocalDate reviewDoneOn, boolean extended) {
        if (reviewDueOn != null) {
            return reviewDueOn;
        }
        LocalDate cycleStart = validFrom != null ? validFrom : firstIssuedOn;
        if (cycleStart == null) {
            return null;
        }
        while (true) {
            Optional<LifecycleRule> rule = policy.rules().ruleOn(certificateClass, cycleStart);
            if (rule.isEmpty()) {
                return null;
            }
            LocalDate due = rule.get().reviewDueAfter(cycleStart, extended);
            if (!due.isBefore(validUntil)) {
                return null;
            }
            if (!reviewCoversDueDate(reviewDoneOn, due)) {
                return due;
            }
            cycleStart = due;
        }
    }

    /**
     * Returns the next date by which the holder must act: the review due date while that review is outstanding and
     * falls before the validity end, otherwise the printed last day of validity.
     */
    public static LocalDate nextDeadline(LocalDate validUntil, @Nullable LocalDate reviewDueOn,
            @Nullable LocalDate reviewDoneOn) {
        boolean reviewOutstanding = reviewDueOn != null && !reviewCoversDueDate(reviewDoneOn, reviewDueOn);
        return reviewOutstanding && reviewDueOn.isBefore(validUntil) ? reviewDueOn : validUntil;
    }

    // NOTE: a review recorded within a year before the due date, or after it, is taken as the review for that
    // due date. Ledgers seldom record which cycle a review belongs to, so this window is an estimate.
    private static boolean reviewCoversDueDate(@Nullable LocalDate reviewDoneOn, LocalDate reviewDueOn) {
        return reviewDoneOn != null && !reviewDoneOn.isBefore(reviewDueOn.minusYears(1));
    }

    /** Returns whether {@code now} is at or after 24:00 of the printed last day {@code validUntil} in {@code zone}. */
    public static boolean isExpired(LocalDate validUntil, Instant now, ZoneId zone) {
        return !now.isBefore(validUntil.plusDays(1).atStartOfDay(zone).toInstant());
    }
}

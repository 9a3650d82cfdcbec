package org.tezuo.core.qualification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Derives a certificate's state from its dates, the last registry result and "now" in the tenant's zone.
 * Pure and thread-safe. Order of precedence: invalid in the registry, expired, mismatch, review overdue,
 * due soon, valid. An {@link RegistryResult#UNVERIFIABLE} result never changes the outcome.
 */
public final class CertificateStateEvaluator {

    private final LifecyclePolicy policy;

    public CertificateStateEvaluator(LifecyclePolicy policy) {
        this.policy = policy;
    }

    /** Returns the state of a certificate with these dates at {@code now}, read in {@code zone}. */
    public CertificateState evaluate(LocalDate validUntil, @Nullable LocalDate reviewDueOn,
            @Nullable LocalDate reviewDoneOn, @Nullable RegistryResult registryResult, Instant now, ZoneId zone) {
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
            // The registry has confirmed the certificate after the due date without a review: 失效 per the
            // lifecycle rule "not reviewed on time". Without a confirmation the ledger may simply lack the date.
            return registryResult == RegistryResult.VERIFIED ? CertificateState.INVALID
                    : CertificateState.REVIEW_OVERDUE;
        }
        if (!today.plusDays(policy.reviewDueSoonDays()).isBefore(nextDeadline(validUntil, reviewDueOn, reviewDoneOn))) {
            return CertificateState.REVIEW_DUE_SOON;
        }
        return CertificateState.VALID;
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

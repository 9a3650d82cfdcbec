package org.tezuo.core.qualification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of the lifecycle rules of a certificate class, in force from {@code effectiveFrom} through
 * {@code effectiveTo} (both inclusive, either open). Every value names its source clause.
 *
 * @param regulation the regulation this version follows, such as 原安监总局令第30号
 * @param unconfirmed whether the version as a whole was not checked against the official text
 * @param extendedReviewIntervalYears review interval after an approved extension; null when the class has none
 * @param cleanRecordYears years of clean record an extension needs; null when the class has no extension
 * @param reviewWindowDays days before the due date from which a review application is accepted; null when unknown
 * @param awayFromPostMonths months away from the post after which a practical re-exam is needed; null when the
 *     class has no such rule
 */
public record LifecycleRule(
        String id,
        CertificateClass certificateClass,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        String regulation,
        boolean unconfirmed,
        Value validityYears,
        Value reviewIntervalYears,
        @Nullable Value extendedReviewIntervalYears,
        @Nullable Value cleanRecordYears,
        @Nullable Value reviewWindowDays,
        Flag lateReviewInvalidates,
        @Nullable Value awayFromPostMonths) {

    /** A number with the clause it comes from. */
    public record Value(int amount, String source, boolean unconfirmed) {
    }

    /** A yes-or-no rule with the clause it comes from. */
    public record Flag(boolean enabled, String source, boolean unconfirmed) {
    }

    /** Returns whether this version is in force on {@code date}. */
    public boolean appliesOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /**
     * Returns the printed last day of validity of a certificate valid from {@code validFrom}: the same month and
     * day {@code validityYears} later. A certificate valid from 29 February ends on 28 February of a year that is
     * not a leap year (never on 1 March), so it never counts as valid on a day the issuing authority did not grant.
     */
    public LocalDate validUntilFor(LocalDate validFrom) {
        return validFrom.plusYears(validityYears.amount());
    }

    /**
     * Returns the review due date of a cycle that started on {@code cycleStart} (issue date or the previous due
     * date), using the extended interval when an extension is approved and the class has one. 29 February falls
     * back to 28 February, as in {@link #validUntilFor}.
     */
    public LocalDate reviewDueAfter(LocalDate cycleStart, boolean extensionApproved) {
        Value interval = extensionApproved && extendedReviewIntervalYears != null ? extendedReviewIntervalYears
                : reviewIntervalYears;
        return cycleStart.plusYears(interval.amount());
    }

    /** Returns the first day on which a review application for {@code dueDate} is accepted, or null when the rule sets no window. */
    public @Nullable LocalDate reviewWindowOpensOn(LocalDate dueDate) {
        return reviewWindowDays == null ? null : dueDate.minusDays(reviewWindowDays.amount());
    }

    /**
     * Returns whether an absence from {@code leftOn} to {@code backOn} (the return date, or today while still
     * away) is long enough to need a practical re-exam. Reaching the full number of months counts, so leaving on
     * 31 August and returning on 28 February is six months.
     */
    public boolean absenceNeedsReexam(LocalDate leftOn, LocalDate backOn) {
        return awayFromPostMonths != null && !backOn.isBefore(leftOn.plusMonths(awayFromPostMonths.amount()));
    }
}

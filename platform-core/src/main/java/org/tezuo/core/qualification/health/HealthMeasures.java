package org.tezuo.core.qualification.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The measures of one org unit at the end of one month.
 *
 * @param personsInScope persons in the unit who hold a post that requires certificates, or, when the tenant has
 *     declared no such post, who hold at least one special-operations certificate
 * @param personsCovered of those, persons with at least one certificate that is neither expired nor overdue for
 *     review at the end of the month, of an item their post requires when posts are declared
 * @param overdueCertificates certificates expired or overdue for review at the end of the month
 * @param dueWithin30Days certificates whose next due date (review or validity end) falls in the 30 days after
 * @param dueWithin90Days the same for 90 days; includes the 30-day ones
 * @param reviewsDue12Months certificates whose review fell due in the 12 months up to the end of the month
 * @param reviewsOnTime12Months of those, reviews recorded no later than the due date
 * @param frozenPersons persons with a permit freeze still in force at the end of the month
 * @param frozenDays sum over the frozen persons of the whole days since their oldest freeze in force
 */
public record HealthMeasures(int personsInScope, int personsCovered, int overdueCertificates, int dueWithin30Days,
        int dueWithin90Days, int reviewsDue12Months, int reviewsOnTime12Months, int frozenPersons, long frozenDays) {

    /** The measures of a unit without persons. */
    public static final HealthMeasures ZERO = new HealthMeasures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Returns the sum of these measures and {@code other}, which must count other persons and certificates. */
    public HealthMeasures plus(HealthMeasures other) {
        return new HealthMeasures(personsInScope + other.personsInScope, personsCovered + other.personsCovered,
                overdueCertificates + other.overdueCertificates, dueWithin30Days + other.dueWithin30Days,
                dueWithin90Days + other.dueWithin90Days, reviewsDue12Months + other.reviewsDue12Months,
                reviewsOnTime12Months + other.reviewsOnTime12Months, frozenPersons + other.frozenPersons,
                frozenDays + other.frozenDays);
    }

    /** Returns the share of persons covered by a valid certificate in percent, one decimal, or null if none. */
    public @Nullable BigDecimal coveragePercent() {
        return percent(personsCovered, personsInScope);
    }

    /** Returns the on-time review rate over 12 months in percent, one decimal, or null when no review fell due. */
    public @Nullable BigDecimal onTimeReviewPercent() {
        return percent(reviewsOnTime12Months, reviewsDue12Months);
    }

    /** Returns the average days frozen of the frozen persons, one decimal, or null when nobody is frozen. */
    public @Nullable BigDecimal averageDaysFrozen() {
        return frozenPersons == 0 ? null
                : BigDecimal.valueOf(frozenDays).divide(BigDecimal.valueOf(frozenPersons), 1, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }
}

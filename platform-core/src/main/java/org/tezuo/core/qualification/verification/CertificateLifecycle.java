package org.tezuo.core.qualification.verification;

import org.tezuo.core.qualification.LifecyclePolicy;

/**
 * The {@code certificate} section of a certificate-lifecycle ruleset, parsed.
 *
 * @param validityYears years a certificate is valid
 * @param reviewIntervalYears years between two reviews (复审)
 * @param reviewWindowDays days before the due date within which the holder applies for review
 * @param lateReviewInvalidates whether missing the review date makes the certificate invalid (失效)
 * @param policy the values a state decision needs
 */
public record CertificateLifecycle(int validityYears, int reviewIntervalYears, int reviewWindowDays,
        boolean lateReviewInvalidates, LifecyclePolicy policy) {
}

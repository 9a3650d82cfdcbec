package org.tezuo.core.qualification;

/**
 * The certificate-lifecycle values a state decision needs, read from the tenant's published ruleset so that no
 * offset is fixed in code.
 *
 * @param reviewDueSoonDays days before a review or validity end from which a certificate is 临近复审
 * @param anomalyLookbackDays days back in which a qualification anomaly blocks a permit
 */
public record LifecyclePolicy(int reviewDueSoonDays, int anomalyLookbackDays) {

    public LifecyclePolicy {
        if (reviewDueSoonDays < 0 || anomalyLookbackDays < 0) {
            throw new IllegalArgumentException("lifecycle offsets must not be negative: "
                    + reviewDueSoonDays + ", " + anomalyLookbackDays);
        }
    }
}

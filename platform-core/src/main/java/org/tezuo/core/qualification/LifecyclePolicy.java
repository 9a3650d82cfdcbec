package org.tezuo.core.qualification;

/**
 * The certificate-lifecycle values a state decision needs, read from the tenant's published ruleset so that no
 * offset or regulatory period is fixed in code.
 *
 * @param reviewDueSoonDays days before a review or validity end from which a certificate is 临近复审
 * @param anomalyLookbackDays days back in which a qualification anomaly blocks a permit
 * @param rules the dated regulatory rule versions per certificate class
 */
public record LifecyclePolicy(int reviewDueSoonDays, int anomalyLookbackDays, LifecycleRules rules) {

    public LifecyclePolicy {
        if (reviewDueSoonDays < 0 || anomalyLookbackDays < 0) {
            throw new IllegalArgumentException("lifecycle offsets must not be negative: "
                    + reviewDueSoonDays + ", " + anomalyLookbackDays);
        }
    }

    /** Creates a policy without regulatory rule versions, for rulesets that predate them. */
    public LifecyclePolicy(int reviewDueSoonDays, int anomalyLookbackDays) {
        this(reviewDueSoonDays, anomalyLookbackDays, LifecycleRules.NONE);
    }
}

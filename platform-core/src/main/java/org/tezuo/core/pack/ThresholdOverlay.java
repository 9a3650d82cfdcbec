package org.tezuo.core.pack;

import java.util.Map;
import org.tezuo.core.rules.Ruleset;
import org.tezuo.core.rules.Threshold;

/**
 * Supplies the tenant's own threshold values that {@link ActivePolicy} binds over the published ones, for example
 * the enterprise overrides of the standards configuration center.
 */
public interface ThresholdOverlay {

    /**
     * Returns the thresholds to put in force, by ruleset key and threshold key.
     *
     * @param rulesets the tenant's published rulesets by key, with the origin of each document value set
     */
    Map<String, Map<String, Threshold>> overlay(long tenantId, Map<String, Ruleset> rulesets);
}

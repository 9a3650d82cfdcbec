package org.tezuo.core.standard;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.pack.ThresholdOverlay;
import org.tezuo.core.rules.Ruleset;
import org.tezuo.core.rules.Threshold;

/**
 * Puts the tenant's active enterprise overrides in force over the published thresholds. An override that no longer
 * fits is skipped with a warning and the document value applies: its threshold was removed, its value no longer
 * parses for the document's type, or a newer regulatory value is stricter than it.
 */
@Component
class EnterpriseThresholdOverlay implements ThresholdOverlay {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseThresholdOverlay.class);

    private final ThresholdOverrides overrides;

    EnterpriseThresholdOverlay(ThresholdOverrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public Map<String, Map<String, Threshold>> overlay(long tenantId, Map<String, Ruleset> rulesets) {
        Map<String, Map<String, Threshold>> replaced = new HashMap<>();
        for (ThresholdOverride override : overrides.active(tenantId)) {
            Ruleset ruleset = rulesets.get(override.rulesetKey());
            Threshold threshold = ruleset == null ? null : ruleset.thresholds().get(override.threshold());
            Object value = threshold == null || override.value() == null ? null
                    : parse(override.value(), threshold.value());
            if (threshold == null || value == null) {
                log.warn("Override {} of {}/{} in tenant {} no longer matches the published ruleset and is skipped",
                        override.id(), override.rulesetKey(), override.threshold(), tenantId);
                continue;
            }
            if (OverrideCheck.breaksRegulation(value, threshold.value(), threshold)) {
                log.warn("Override {} of {}/{} in tenant {} is looser than the regulatory value {} and is skipped",
                        override.id(), override.rulesetKey(), override.threshold(), tenantId, threshold.value());
                continue;
            }
            replaced.computeIfAbsent(override.rulesetKey(), key -> new HashMap<>()).put(override.threshold(),
                    threshold.overriddenBy(value, java.util.Objects.requireNonNull(override.source()),
                            override.reason()));
        }
        return replaced;
    }

    private static @Nullable Object parse(String text, Object documentValue) {
        if (documentValue instanceof BigDecimal) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (documentValue instanceof Boolean) {
            return Boolean.valueOf(text);
        }
        return text;
    }
}

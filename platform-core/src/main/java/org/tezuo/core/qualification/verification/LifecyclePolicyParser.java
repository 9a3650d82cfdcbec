package org.tezuo.core.qualification.verification;

import org.tezuo.core.qualification.LifecyclePolicy;
import tools.jackson.databind.JsonNode;

/**
 * Parses the {@code certificate} section of a ruleset document (see {@code ruleset.schema.json}) into a
 * {@link CertificateLifecycle}, whose {@link CertificateLifecycle#policy()} feeds the certificate state evaluator.
 * Each value is an object such as {@code {"value": 90, "unit": "day", "sources": [...]}}.
 */
public final class LifecyclePolicyParser {

    /**
     * Parses the lifecycle values of a ruleset body.
     *
     * @param reference the document reference, for example {@code ruleset:certificate-lifecycle@2}, named in errors
     * @throws InvalidLifecycleRulesetException naming the missing section or value
     */
    public CertificateLifecycle parse(String reference, JsonNode rulesetBody) {
        JsonNode section = rulesetBody.path("certificate");
        if (!section.isObject()) {
            throw new InvalidLifecycleRulesetException(reference, "certificate");
        }
        return new CertificateLifecycle(
                integer(reference, section, "validityYears"),
                integer(reference, section, "reviewIntervalYears"),
                integer(reference, section, "reviewWindowDays"),
                flag(reference, section, "lateReviewInvalidates"),
                new LifecyclePolicy(integer(reference, section, "reviewDueSoonDays"),
                        integer(reference, section, "anomalyLookbackDays")));
    }

    /** Parses only the values a state decision needs. */
    public LifecyclePolicy parsePolicy(String reference, JsonNode rulesetBody) {
        return parse(reference, rulesetBody).policy();
    }

    private static int integer(String reference, JsonNode section, String field) {
        JsonNode value = section.path(field).path("value");
        if (!value.isIntegralNumber()) {
            throw new InvalidLifecycleRulesetException(reference, "certificate." + field + ".value");
        }
        return value.asInt();
    }

    private static boolean flag(String reference, JsonNode section, String field) {
        JsonNode value = section.path(field).path("value");
        if (!value.isBoolean()) {
            throw new InvalidLifecycleRulesetException(reference, "certificate." + field + ".value");
        }
        return value.asBoolean();
    }
}

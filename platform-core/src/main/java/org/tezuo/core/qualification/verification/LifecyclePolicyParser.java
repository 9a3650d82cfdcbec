package org.tezuo.core.qualification.verification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.LifecycleRule;
import org.tezuo.core.qualification.LifecycleRules;
import tools.jackson.databind.JsonNode;

/**
 * Parses the {@code certificate} and {@code lifecycleRules} sections of a ruleset document (see
 * {@code ruleset.schema.json}) into a {@link LifecyclePolicy}. Each value is an object such as
 * {@code {"value": 6, "unit": "year", "source": "…第十九条"}}.
 */
public final class LifecyclePolicyParser {

    /**
     * Parses the lifecycle values of a ruleset body.
     *
     * @param reference the document reference, for example {@code ruleset:certificate-lifecycle@2}, named in errors
     * @throws InvalidLifecycleRulesetException naming the missing section or value
     */
    public LifecyclePolicy parse(String reference, JsonNode rulesetBody) {
        JsonNode section = rulesetBody.path("certificate");
        if (!section.isObject()) {
            throw new InvalidLifecycleRulesetException(reference, "certificate");
        }
        List<LifecycleRule> versions = new ArrayList<>();
        JsonNode entries = rulesetBody.path("lifecycleRules");
        for (int index = 0; index < entries.size(); index++) {
            versions.add(rule(reference, "lifecycleRules[" + index + "]", entries.get(index)));
        }
        return new LifecyclePolicy(
                integerValue(reference, "certificate.reviewDueSoonDays", section.path("reviewDueSoonDays")),
                integerValue(reference, "certificate.anomalyLookbackDays", section.path("anomalyLookbackDays")),
                new LifecycleRules(versions));
    }

    /** Parses only the values a state decision needs. */
    public LifecyclePolicy parsePolicy(String reference, JsonNode rulesetBody) {
        return parse(reference, rulesetBody);
    }

    private static LifecycleRule rule(String reference, String path, JsonNode entry) {
        String classCode = entry.path("certificateClass").asString("");
        CertificateClass certificateClass = CertificateClass.fromCode(classCode)
                .orElseThrow(() -> new InvalidLifecycleRulesetException(reference, path + ".certificateClass"));
        return new LifecycleRule(
                text(reference, path + ".id", entry.path("id")),
                certificateClass,
                date(reference, path + ".effectiveFrom", entry.path("effectiveFrom")),
                date(reference, path + ".effectiveTo", entry.path("effectiveTo")),
                text(reference, path + ".regulation", entry.path("regulation")),
                entry.path("unconfirmed").asBoolean(false),
                value(reference, path + ".validityYears", entry.path("validityYears")),
                value(reference, path + ".reviewIntervalYears", entry.path("reviewIntervalYears")),
                optionalValue(reference, path + ".extendedReviewIntervalYears",
                        entry.path("extendedReviewIntervalYears")),
                optionalValue(reference, path + ".cleanRecordYears", entry.path("cleanRecordYears")),
                optionalValue(reference, path + ".reviewWindowDays", entry.path("reviewWindowDays")),
                flag(reference, path + ".lateReviewInvalidates", entry.path("lateReviewInvalidates")),
                optionalValue(reference, path + ".awayFromPostMonths", entry.path("awayFromPostMonths")));
    }

    private static LifecycleRule.Value value(String reference, String path, JsonNode node) {
        return new LifecycleRule.Value(integerValue(reference, path, node), source(reference, path, node),
                node.path("unconfirmed").asBoolean(false));
    }

    private static LifecycleRule.@Nullable Value optionalValue(String reference, String path, JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : value(reference, path, node);
    }

    private static LifecycleRule.Flag flag(String reference, String path, JsonNode node) {
        JsonNode value = node.path("value");
        if (!value.isBoolean()) {
            throw new InvalidLifecycleRulesetException(reference, path + ".value");
        }
        return new LifecycleRule.Flag(value.asBoolean(), source(reference, path, node),
                node.path("unconfirmed").asBoolean(false));
    }

    private static int integerValue(String reference, String path, JsonNode node) {
        JsonNode value = node.path("value");
        if (!value.isIntegralNumber()) {
            throw new InvalidLifecycleRulesetException(reference, path + ".value");
        }
        return value.asInt();
    }

    private static String source(String reference, String path, JsonNode node) {
        return text(reference, path + ".source", node.path("source"));
    }

    private static String text(String reference, String path, JsonNode node) {
        if (!node.isString() || node.asString().isBlank()) {
            throw new InvalidLifecycleRulesetException(reference, path);
        }
        return node.asString();
    }

    private static @Nullable LocalDate date(String reference, String path, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asString());
        } catch (DateTimeParseException e) {
            throw new InvalidLifecycleRulesetException(reference, path);
        }
    }
}

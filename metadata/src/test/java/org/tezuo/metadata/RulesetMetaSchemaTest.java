package org.tezuo.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RulesetMetaSchemaTest {

    private final MetaSchemaValidator validator = new MetaSchemaValidator();
    private final JsonMapper json = JsonMapper.builder().build();

    private java.util.List<MetaSchemaViolation> validateWarning(String warning) {
        return validator.validate(MetadataKind.RULESET, json.readTree("""
                {"name": {"zh": "证书预警"}, "thresholds": {}, "rules": [], "warnings": [%s]}""".formatted(warning)),
                Locale.ENGLISH);
    }

    @Test
    void todoWithRecipientsIsAccepted() {
        assertThat(validateWarning("""
                {"id": "todo-30", "offsetDays": 30, "kind": "todo", "recipients": ["TEAM_LEADER", "HRBP"],
                 "source": "企业实践"}""")).isEmpty();
    }

    @Test
    void todoWithoutRecipientsIsRejected() {
        assertThat(validateWarning("""
                {"id": "todo-30", "offsetDays": 30, "kind": "todo", "source": "企业实践"}"""))
                .extracting(MetaSchemaViolation::path).contains("/warnings/0");
    }

    @Test
    void freezeWithoutActionsIsRejected() {
        assertThat(validateWarning("""
                {"id": "freeze-0", "offsetDays": 0, "kind": "freeze", "source": "企业实践"}"""))
                .extracting(MetaSchemaViolation::path).contains("/warnings/0");
    }

    @Test
    void negativeOffsetIsRejected() {
        assertThat(validateWarning("""
                {"id": "notice", "offsetDays": -1, "kind": "notice", "recipients": ["HOLDER"], "source": "企业实践"}"""))
                .extracting(MetaSchemaViolation::path).containsExactly("/warnings/0/offsetDays");
    }

    @Test
    void lifecycleRuleValueWithoutSourceIsRejected() {
        var violations = validator.validate(MetadataKind.RULESET, json.readTree("""
                {"name": {"zh": "证书生命周期"}, "thresholds": {}, "rules": [],
                 "certificate": {
                   "reviewDueSoonDays": {"value": 90, "unit": "day", "sources": [{"text": "企业实践"}]},
                   "anomalyLookbackDays": {"value": 30, "unit": "day", "sources": [{"text": "企业实践"}]}
                 },
                 "lifecycleRules": [{
                   "id": "order-30", "certificateClass": "special-operation", "regulation": "30号令",
                   "effectiveTo": "2026-05-31",
                   "validityYears": {"value": 6, "unit": "year"},
                   "reviewIntervalYears": {"value": 3, "unit": "year", "source": "第二十一条"},
                   "lateReviewInvalidates": {"value": true, "unit": "flag", "source": "第二十六条"}
                 }]}"""), Locale.ENGLISH);

        assertThat(violations).extracting(MetaSchemaViolation::path)
                .containsExactly("/lifecycleRules/0/validityYears");
    }

    @Test
    void unknownCertificateClassIsRejected() {
        var violations = validator.validate(MetadataKind.RULESET, json.readTree("""
                {"name": {"zh": "证书生命周期"}, "thresholds": {}, "rules": [],
                 "lifecycleRules": [{
                   "id": "boilers", "certificateClass": "boiler", "regulation": "TSG",
                   "validityYears": {"value": 4, "unit": "year", "source": "TSG Z6001"},
                   "reviewIntervalYears": {"value": 4, "unit": "year", "source": "TSG Z6001"},
                   "lateReviewInvalidates": {"value": true, "unit": "flag", "source": "TSG Z6001"}
                 }]}"""), Locale.ENGLISH);

        assertThat(violations).extracting(MetaSchemaViolation::path)
                .containsExactly("/lifecycleRules/0/certificateClass");
    }
}

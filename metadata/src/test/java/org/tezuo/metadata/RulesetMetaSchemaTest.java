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
    void lifecycleValueWithoutSourceIsRejected() {
        var violations = validator.validate(MetadataKind.RULESET, json.readTree("""
                {"name": {"zh": "证书生命周期"}, "thresholds": {}, "rules": [],
                 "certificate": {
                   "validityYears": {"value": 6, "unit": "year", "sources": []},
                   "reviewIntervalYears": {"value": 3, "unit": "year", "sources": [{"text": "第二十一条"}]},
                   "reviewWindowDays": {"value": 60, "unit": "day", "sources": [{"text": "第二十二条"}]},
                   "lateReviewInvalidates": {"value": true, "unit": "flag", "sources": [{"text": "第二十六条"}]},
                   "reviewDueSoonDays": {"value": 90, "unit": "day", "sources": [{"text": "企业实践"}]},
                   "anomalyLookbackDays": {"value": 30, "unit": "day", "sources": [{"text": "企业实践"}]}
                 }}"""), Locale.ENGLISH);

        assertThat(violations).extracting(MetaSchemaViolation::path)
                .containsExactly("/certificate/validityYears/sources");
    }
}

package org.tezuo.form.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.FormFixtures;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.evaluation.EvaluationContext;
import tools.jackson.databind.node.ObjectNode;

class FormValidatorConditionsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T23:30:00Z"), ZoneOffset.UTC);
    private static final EvaluationContext ZH = EvaluationContext.of("zhangsan", "lng-ops", SHANGHAI,
            Locale.SIMPLIFIED_CHINESE, CLOCK);
    private static final EvaluationContext EN = EvaluationContext.of("zhangsan", "lng-ops", SHANGHAI,
            Locale.ENGLISH, CLOCK);

    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);
    private final FormDefinition form = new FormDefinitionParser().parse("confined-space-entry", 1,
            FormFixtures.read("/org/tezuo/form/confined-space-entry.json"));

    @Test
    void gasTestsRequiredInExplosiveArea() {
        ObjectNode data = FormFixtures.json("""
                {"location": "T-101", "explosiveArea": true, "ignitionSource": "防爆工具"}""");

        FormValidation zh = validator.validate(form, data, ZH);
        FormValidation en = validator.validate(form, data, EN);

        assertThat(zh.errors()).containsExactly(new FieldError("$.gasTests", "气体检测", "请填写“气体检测”，这是必填项"));
        assertThat(en.errors()).containsExactly(
                new FieldError("$.gasTests", "Gas tests", "Fill in \"Gas tests\"; it is required"));
        assertThat(zh.errors().getFirst().pointer()).isEqualTo("/gasTests");
        assertThat(zh.errors().getFirst().dottedPath()).isEqualTo("gasTests");
    }

    @Test
    void emptyTableCountsAsMissing() {
        ObjectNode data = FormFixtures.json("""
                {"location": "T-101", "explosiveArea": true, "ignitionSource": "防爆工具", "gasTests": []}""");

        FormValidation result = validator.validate(form, data, ZH);

        assertThat(result.errors()).extracting(FieldError::path).containsExactly("$.gasTests");
    }

    @Test
    void hiddenFieldsDroppedNotRequired() {
        ObjectNode data = FormFixtures.json("""
                {"location": "T-101", "explosiveArea": false,
                 "gasTests": [{"gas": "H2S", "value": -1}]}""");

        FormValidation result = validator.validate(form, data, ZH);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().has("gasTests")).isFalse();
    }

    @Test
    void computedClientValueIsNeverTrusted() {
        ObjectNode data = FormFixtures.json("""
                {"location": "T-101", "explosiveArea": false, "workStart": "2026-03-05T08:00:00+08:00",
                 "workEnd": "2026-03-05T10:00:00+08:00", "durationHours": "很短", "overtime": true,
                 "rescuePlan": "不需要"}""");

        FormValidation result = validator.validate(form, data, ZH);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("durationHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(result.data().get("overtime").asBoolean()).isFalse();
        assertThat(result.data().has("rescuePlan")).isFalse();
    }

    @Test
    void everyErrorIsReportedWithItsRowPath() {
        ObjectNode data = FormFixtures.json("""
                {"location": "", "explosiveArea": true, "workStart": "2026-03-05T08:00:00+08:00",
                 "workEnd": "2026-03-05T18:00:00+08:00",
                 "gasTests": [{"gas": "CH4", "value": 3.25}, {"gas": "O2", "value": 20.9}]}""");

        FormValidation result = validator.validate(form, data, ZH);

        assertThat(result.errors()).extracting(FieldError::path).containsExactly("$.location", "$.ignitionSource",
                "$.gasTests[0].value", "$.gasTests[1].oxygenNote", "$.rescuePlan");
        assertThat(result.errors()).extracting(FieldError::dottedPath).containsExactly("location",
                "ignitionSource", "gasTests.0.value", "gasTests.1.oxygenNote", "rescuePlan");
        assertThat(result.errors().get(3).label()).isEqualTo("气体检测 第2行 › 氧含量说明");
        assertThat(result.errors().get(3).message()).isEqualTo("请填写“气体检测 第2行 › 氧含量说明”，这是必填项");
    }

    @Test
    void rowComputedValueIsStored() {
        ObjectNode data = FormFixtures.json("""
                {"location": "T-101", "explosiveArea": true, "ignitionSource": "防爆工具",
                 "gasTests": [{"gas": "CH4", "value": 12, "withinLimit": true},
                              {"gas": "O2", "value": 20.9, "oxygenNote": "通风后复测"}]}""");

        FormValidation result = validator.validate(form, data, ZH);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("gasTests").get(0).get("withinLimit").asBoolean()).isFalse();
    }
}

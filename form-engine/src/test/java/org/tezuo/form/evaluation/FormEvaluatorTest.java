package org.tezuo.form.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.FormFixtures;
import org.tezuo.form.defaults.FormDefaults;
import org.tezuo.form.definition.FieldLimits;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.definition.FormTab;
import tools.jackson.databind.node.ObjectNode;

class FormEvaluatorTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T23:30:00Z"), ZoneOffset.UTC);
    static final EvaluationContext CONTEXT = EvaluationContext.of("zhangsan", "lng-ops", SHANGHAI,
            Locale.SIMPLIFIED_CHINESE, CLOCK);

    private final MvelExpressionCompiler compiler = new MvelExpressionCompiler();
    private final FormEvaluator evaluator = new FormEvaluator(compiler);
    private final FormDefinition form = parse();

    static FormDefinition parse() {
        return new FormDefinitionParser().parse("confined-space-entry", 1,
                FormFixtures.read("/org/tezuo/form/confined-space-entry.json"));
    }

    @Test
    void tabsSectionsAndColumnsAreParsed() {
        assertThat(form.tabs()).extracting(FormTab::id).containsExactly("basics", "tab-2");
        assertThat(form.tabs().get(1).sections()).extracting(FormSection::id).containsExactly("gas", "rescue");
        assertThat(form.sections()).extracting(FormSection::id).containsExactly("applicant", "work", "gas", "rescue");
        assertThat(form.sections()).extracting(FormSection::columns).containsExactly(3, 2, 1, 1);
        assertThat(form.sections().get(3).conditions().visibleWhen()).isEqualTo("overtime == true");
        assertThat(form.sections().get(1).pointer()).isEqualTo("/layout/tabs/0/sections/1");
    }

    @Test
    void tableLimitsAndColumnsAreParsed() {
        FormField gasTests = form.field("gasTests").orElseThrow();
        FormField value = gasTests.child("value").orElseThrow();

        assertThat(gasTests.limits().maxItems()).isEqualTo(5);
        assertThat(gasTests.conditions().requiredWhen()).isEqualTo("explosiveArea == true");
        assertThat(value.limits()).isEqualTo(new FieldLimits(null, null, BigDecimal.ZERO, null, null, null,
                new BigDecimal("0.1"), null, null, "%LEL"));
        assertThat(value.path()).isEqualTo("gasTests.value");
        assertThat(value.inRow()).isTrue();
        assertThat(value.pointer()).isEqualTo("/schema/properties/gasTests/items/properties/value");
    }

    @Test
    void tableIsHiddenAndDroppedOutsideExplosiveArea() {
        ObjectNode data = FormFixtures.json("""
                {"location": "T-101", "explosiveArea": false, "ignitionSource": "防爆工具",
                 "gasTests": [{"gas": "CH4", "value": 3}]}""");

        FormState state = evaluator.evaluate(form, data, CONTEXT);

        assertThat(state.isVisible("gasTests")).isFalse();
        assertThat(state.isVisible("gasTests.0.gas")).isFalse();
        assertThat(state.isRequired("gasTests")).isFalse();
        assertThat(state.isVisible("ignitionSource")).isFalse();
        assertThat(state.data().has("gasTests")).isFalse();
        assertThat(state.data().has("ignitionSource")).isFalse();
        assertThat(state.isSectionVisible("gas")).isTrue();
    }

    @Test
    void tableIsVisibleAndRequiredInExplosiveArea() {
        ObjectNode data = FormFixtures.json("""
                {"location": "T-101", "explosiveArea": true}""");

        FormState state = evaluator.evaluate(form, data, CONTEXT);

        assertThat(state.isVisible("gasTests")).isTrue();
        assertThat(state.isRequired("gasTests")).isTrue();
        assertThat(state.requiredByCondition()).containsExactly("gasTests");
        assertThat(state.isRequired("ignitionSource")).isTrue();
    }

    @Test
    void rowConditionsAreEvaluatedPerRow() {
        ObjectNode data = FormFixtures.json("""
                {"explosiveArea": true, "gasTests": [
                  {"gas": "CH4", "value": 12, "oxygenNote": "不适用"},
                  {"gas": "O2", "value": 20.9}]}""");

        FormState state = evaluator.evaluate(form, data, CONTEXT);

        assertThat(state.isVisible("gasTests.0.oxygenNote")).isFalse();
        assertThat(state.isVisible("gasTests.1.oxygenNote")).isTrue();
        assertThat(state.requiredByCondition()).containsExactlyInAnyOrder("gasTests", "gasTests.1.oxygenNote");
        assertThat(state.data().get("gasTests").get(0).has("oxygenNote")).isFalse();
        assertThat(state.computedValues().get("gasTests.0.withinLimit").asBoolean()).isFalse();
        assertThat(state.computedValues().get("gasTests.1.withinLimit").asBoolean()).isTrue();
    }

    @Test
    void computedValuesReplaceClientValues() {
        ObjectNode data = FormFixtures.json("""
                {"workStart": "2026-03-05T08:00:00+08:00", "workEnd": "2026-03-05T18:30:00+08:00",
                 "durationHours": 1, "overtime": false}""");

        FormState state = evaluator.evaluate(form, data, CONTEXT);

        assertThat(state.data().get("durationHours").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(state.data().get("overtime").asBoolean()).isTrue();
        assertThat(state.isSectionVisible("rescue")).isTrue();
        assertThat(state.isRequired("rescuePlan")).isTrue();
    }

    @Test
    @DisplayName("A computed field reads the form's constants and the tenant's wall clock")
    void computedFieldReadsConstantsInTheTenantZone() {
        ObjectNode body = FormFixtures.read("/org/tezuo/form/confined-space-entry.json");
        body.putObject("constants").set("nightStart", FormFixtures.json("""
                {"value": "18:00", "source": "企业规定"}"""));
        ((ObjectNode) body.get("constants")).set("nightEnd", FormFixtures.json("""
                {"value": "08:00", "source": "企业规定"}"""));
        body.withObject("schema").withObject("properties").set("nightWork", FormFixtures.json("""
                {"type": "boolean", "x-label": {"zh": "夜间作业"},
                 "x-computed": "overlapsTimeOfDay(workStart, workEnd, constants.nightStart, constants.nightEnd)"}"""));
        body.withObject("layout").withArray("tabs").get(0).withArray("sections").get(1).withArray("fields")
                .add("nightWork");
        FormDefinition withConstants = new FormDefinitionParser().parse("confined-space-entry", 2, body);
        // 10:30Z to 11:00Z is 18:30 to 19:00 in Shanghai, so the work runs at night there.
        ObjectNode data = FormFixtures.json("""
                {"workStart": "2026-03-05T10:30:00Z", "workEnd": "2026-03-05T11:00:00Z"}""");

        FormState state = evaluator.evaluate(withConstants, data, CONTEXT);

        assertThat(withConstants.constants().get("nightStart").value()).isEqualTo("18:00");
        assertThat(state.data().get("nightWork").asBoolean()).isTrue();
    }

    @Test
    void sectionConditionHidesItsFields() {
        ObjectNode data = FormFixtures.json("""
                {"workStart": "2026-03-05T08:00:00+08:00", "workEnd": "2026-03-05T12:00:00+08:00",
                 "rescuePlan": "三脚架"}""");

        FormState state = evaluator.evaluate(form, data, CONTEXT);

        assertThat(state.isSectionVisible("rescue")).isFalse();
        assertThat(state.isVisible("rescuePlan")).isFalse();
        assertThat(state.isRequired("rescuePlan")).isFalse();
        assertThat(state.data().has("rescuePlan")).isFalse();
    }

    @Test
    void computedFieldWithoutInputsHasNoValue() {
        FormState state = evaluator.evaluate(form, FormFixtures.json("{\"durationHours\": 3}"), CONTEXT);

        assertThat(state.data().has("durationHours")).isFalse();
        assertThat(state.data().get("overtime").asBoolean()).isFalse();
    }

    @Test
    void defaultsComeFromContext() {
        FormDefaults defaults = new FormDefaults(CLOCK, compiler, evaluator);

        ObjectNode data = defaults.initialData(form, CONTEXT);

        assertThat(data.get("applicant").asString()).isEqualTo("zhangsan");
        assertThat(data.get("unit").asString()).isEqualTo("lng-ops");
        assertThat(data.get("appliedOn").asString()).isEqualTo("2026-03-05");
        assertThat(data.get("appliedAt").asString()).isEqualTo("2026-03-05T07:30:00+08:00");
        assertThat(data.get("permitCode").asString()).isEqualTo("CS-lng-ops");
    }

    @Test
    void newRowTakesColumnDefaults() {
        FormDefaults defaults = new FormDefaults(CLOCK, compiler, evaluator);

        ObjectNode row = defaults.newRow(form, "gasTests", CONTEXT);

        assertThat(row.propertyNames()).containsExactly("tester");
        assertThat(row.get("tester").asString()).isEqualTo("zhangsan");
    }
}

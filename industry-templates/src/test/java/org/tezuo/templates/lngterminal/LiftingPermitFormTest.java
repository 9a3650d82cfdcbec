package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.defaults.FormDefaults;
import org.tezuo.form.defaults.InitialDataContext;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidation;
import org.tezuo.form.validation.FormValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class LiftingPermitFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T00:10:00Z"), ZoneOffset.UTC);

    private final JsonNode body = TemplateDocuments.read("form/lifting-permit.json");
    private final FormDefinition form = new FormDefinitionParser().parse("lifting-permit", 1, body);
    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);

    @Test
    @DisplayName("The document passes the form meta-schema and the checks run at publish")
    void documentPassesPublishChecks() {
        assertThat(TemplateDocuments.formProblems("lifting-permit", body)).isEmpty();
    }

    @Test
    @DisplayName("Every field has a Chinese and an English label and the layout fits a phone")
    void fieldsCarryLabelsAndFitAPhone() {
        assertThat(form.title().zh()).isEqualTo("吊装安全作业票");
        assertThat(form.permitType()).isEqualTo("lifting");
        assertThat(form.allFields()).allSatisfy(field -> {
            assertThat(field.label().zh()).isNotBlank();
            assertThat(field.label().en()).isNotBlank();
        });
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.binding("commander")).contains("commander");
        assertThat(form.binding("workers")).isEmpty();
    }

    @Test
    @DisplayName("A new permit starts with one crane and the 20 measures of table A.5")
    void initialDataPrefillsMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.get("craneCount").asInt()).isEqualTo(1);
        assertThat(data.get("liftingPlanApproved").asBoolean()).isFalse();
        assertThat(data.get("safetyMeasures")).hasSize(20);
        assertThat(data.get("safetyMeasures").get(17).get("item").asString())
                .isEqualTo("露天作业，环境风力满足作业安全要求");
    }

    @ParameterizedTest(name = "{0} t is grade {1}")
    @CsvSource({
        "0.5, 三级",
        "39.99, 三级",
        "40, 二级",
        "100, 二级",
        "100.01, 一级",
        "250, 一级"
    })
    @DisplayName("The grade is computed from the mass bands of clause 9.1")
    void gradeIsComputedFromMass(String tonnes, String grade) {
        ObjectNode data = validPermit();
        data.put("loadMassTonnes", new BigDecimal(tonnes));

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("grade").asString()).isEqualTo(grade);
    }

    @Test
    @DisplayName("Two cranes need the highest load share of one crane")
    void twoCranesNeedLoadShare() {
        ObjectNode data = validPermit();
        data.put("craneCount", 2);

        List<FieldError> missing = validate(data).errors();
        data.put("maxCraneLoadPercent", 75);
        List<FieldError> filled = validate(data).errors();

        assertThat(missing).containsExactly(new FieldError("$.maxCraneLoadPercent", "单台起重机最大载荷率",
                "请填写“单台起重机最大载荷率”，这是必填项"));
        assertThat(filled).isEmpty();
    }

    @Test
    @DisplayName("A ticked lifting plan needs its number")
    void approvedPlanNeedsNumber() {
        ObjectNode data = validPermit();
        data.put("liftingPlanApproved", true);

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).containsExactly(new FieldError("$.liftingPlanNumber", "吊装作业方案编号",
                "请填写“吊装作业方案编号”，这是必填项"));
    }

    @Test
    @DisplayName("Bad values are all reported in Chinese with the label path of their field")
    void badValuesAreReportedInChinese() {
        ObjectNode data = validPermit();
        data.put("loadMassTonnes", 0);
        data.remove("commander");
        ((ObjectNode) data.withArray("operators").get(0)).remove("certNumber");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactlyInAnyOrder(
                new FieldError("$.loadMassTonnes", "吊物质量", "“吊物质量”的值 0 没有大于 0；请填写大于 0 的数"),
                new FieldError("$.commander", "指挥人员", "请填写“指挥人员”，这是必填项"),
                new FieldError("$.operators[0].certNumber", "吊装作业人 第1行 › 特种设备作业人员证号",
                        "请填写“吊装作业人 第1行 › 特种设备作业人员证号”，这是必填项"));
    }

    private FormValidation validate(ObjectNode data) {
        return validator.validate(form, data, new EvaluationContext("wangwu", null, CLOCK.instant(), SHANGHAI,
                Locale.SIMPLIFIED_CHINESE));
    }

    private ObjectNode validPermit() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));
        data.setAll((ObjectNode) TemplateDocuments.JSON.readTree("""
                {
                  "applicantUnit": "维修车间",
                  "workUnit": "某某起重吊装有限公司",
                  "location": "BOG 压缩机厂房东侧",
                  "liftingGear": "50 t 汽车吊、φ24 钢丝绳吊索",
                  "loadDescription": "BOG 压缩机电机",
                  "loadMassTonnes": 12.5,
                  "openAir": true,
                  "commander": "zhaoliu",
                  "operators": [{"name": "钱伟", "idNumber": "320623198703160521", "certNumber": "Q2-3206231987"}],
                  "riggers": [{"name": "孙浩", "idNumber": "320623198811050713"}],
                  "guardian": "sunqi",
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "workEnd": "2026-03-05T12:00:00+08:00",
                  "riskIdentification": "起重伤害；物体打击；触电",
                  "briefing": {"givenBy": "zhaoliu", "receivedBy": "钱伟、孙浩"}
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            measure.put("applies", i != 0 && i != 16 && i != 19);
            measure.put("confirmedBy", "sunqi");
        }
        return data;
    }
}

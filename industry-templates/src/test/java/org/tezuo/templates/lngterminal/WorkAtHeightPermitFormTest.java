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

class WorkAtHeightPermitFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T00:10:00Z"), ZoneOffset.UTC);

    private final JsonNode body = TemplateDocuments.read("form/work-at-height-permit.json");
    private final FormDefinition form = new FormDefinitionParser().parse("work-at-height-permit", 1, body);
    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);

    @Test
    @DisplayName("The document passes the form meta-schema and the checks run at publish")
    void documentPassesPublishChecks() {
        assertThat(TemplateDocuments.formProblems("work-at-height-permit", body)).isEmpty();
    }

    @Test
    @DisplayName("Every field has a Chinese and an English label and the layout fits a phone")
    void fieldsCarryLabelsAndFitAPhone() {
        assertThat(form.title().zh()).isEqualTo("高处安全作业票");
        assertThat(form.permitType()).isEqualTo("work-at-height");
        assertThat(form.allFields()).allSatisfy(field -> {
            assertThat(field.label().zh()).isNotBlank();
            assertThat(field.label().en()).isNotBlank();
        });
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.field("fallHazardFactors").orElseThrow().children()).hasSize(9);
        assertThat(form.field("grade").orElseThrow().isComputed()).isTrue();
        assertThat(form.field("grade").orElseThrow().options()).extracting(option -> option.value())
                .containsExactly("I级", "II级", "III级", "IV级");
    }

    @Test
    @DisplayName("A new permit starts with every factor and case unticked and the 15 measures of table A.4")
    void initialDataPrefillsMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.propertyNames()).containsExactlyInAnyOrder("applicant", "appliedAt", "fallHazardFactors",
                "classificationMethod", "gradeTwoCases", "gradeFourCases", "steepSlope", "safetyMeasures");
        assertThat(data.get("classificationMethod").asString()).isEqualTo("A");
        assertThat(data.get("fallHazardFactors").valueStream()).allMatch(value -> !value.asBoolean());
        assertThat(data.get("safetyMeasures")).hasSize(15);
        assertThat(data.get("safetyMeasures").get(12).get("item").asString()).isEqualTo("露天作业，风力满足作业安全要求");
    }

    @ParameterizedTest(name = "{0} m, factor {1}, case {2}: {3} by method {4}")
    @CsvSource({
        "2, , , I级, A",
        "5, , , I级, A",
        "5.01, , , II级, A",
        "15, , , II级, A",
        "15.01, , , III级, A",
        "30, , , III级, A",
        "30.01, , , IV级, A",
        "2, coldAir, , II级, B",
        "5, slipperySurface, , II级, B",
        "5.01, gust, , III级, B",
        "15, poorLight, , III级, B",
        "15.01, liveConductor, , IV级, B",
        "30, disaster, , IV级, B",
        "30.01, coldWater, , IV级, B",
        "3, , gradeTwoCases.insideEquipment, II级, A",
        "20, , gradeTwoCases.nearVents, III级, A",
        "3, , gradeFourCases.nightArtificialLight, IV级, A",
        "3, unstableFooting, gradeFourCases.suspended, IV级, B"
    })
    @DisplayName("The grade is computed from the height bands, the fall factors and the cases of annex B")
    void gradeIsComputed(String height, String factor, String caseField, String grade, String method) {
        ObjectNode data = validPermit();
        data.put("workingHeightMetres", new BigDecimal(height));
        if (factor != null) {
            ((ObjectNode) data.get("fallHazardFactors")).put(factor, true);
        }
        if (caseField != null) {
            String[] parts = caseField.split("\\.");
            ((ObjectNode) data.get(parts[0])).put(parts[1], true);
        }

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("grade").asString()).isEqualTo(grade);
        assertThat(result.data().get("classificationMethod").asString()).isEqualTo(method);
    }

    @Test
    @DisplayName("A grade sent by the client is replaced by the computed one")
    void clientGradeIsReplaced() {
        ObjectNode data = validPermit();
        data.put("workingHeightMetres", 18);
        data.put("grade", "I级");

        FormValidation result = validate(data);

        assertThat(result.data().get("grade").asString()).isEqualTo("III级");
    }

    @Test
    @DisplayName("Work below 2 m is rejected unless it is on a slope steeper than 45°")
    void belowTwoMetresNeedsSlope() {
        ObjectNode flat = validPermit();
        flat.put("workingHeightMetres", 1.5);
        ObjectNode slope = validPermit();
        slope.put("workingHeightMetres", 1.5);
        slope.put("steepSlope", true);

        List<FieldError> flatErrors = validate(flat).errors();
        FormValidation slopeResult = validate(slope);

        assertThat(flatErrors).containsExactly(new FieldError("$.workingHeightMetres", "作业高度",
                "作业高度低于 2 m，不属于高处作业（GB 30871-2022 3.8）；请修改“作业高度”，在坡度大于 45° 的斜坡上作业时请勾选该项"));
        assertThat(slopeResult.errors()).isEmpty();
        assertThat(slopeResult.data().get("grade").asString()).isEqualTo("I级");
    }

    @Test
    @DisplayName("Bad values are all reported in Chinese with the label path of their field")
    void badValuesAreReportedInChinese() {
        ObjectNode data = validPermit();
        data.remove("workingHeightMetres");
        data.remove("openAir");
        ((ObjectNode) data.withArray("workers").get(0)).put("idNumber", "32062319760430301");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactlyInAnyOrder(
                new FieldError("$.workingHeightMetres", "作业高度", "请填写“作业高度”，这是必填项"),
                new FieldError("$.openAir", "露天作业", "请填写“露天作业”，这是必填项"),
                new FieldError("$.workers[0].idNumber", "作业人 第1行 › 身份证号", "“作业人 第1行 › 身份证号”的值"
                        + "“32062319760430301”格式不对；请填写18 位居民身份证号码，最后一位可以是数字或大写 X"));
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
                  "location": "LNG 储罐 T-101 罐顶平台",
                  "workContent": "罐顶安全阀检修",
                  "workingHeightMetres": 12,
                  "openAir": true,
                  "workUnit": "维修车间",
                  "workLeader": "zhaoliu",
                  "guardian": "sunqi",
                  "workers": [
                    {"name": "段思远", "idNumber": "320623197604303015", "certNumber": "T320623197604303015"}
                  ],
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "workEnd": "2026-03-07T17:00:00+08:00",
                  "riskIdentification": "高处坠落；物体打击",
                  "briefing": {"givenBy": "zhaoliu", "receivedBy": "段思远"}
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            measure.put("applies", true);
            measure.put("confirmedBy", "sunqi");
        }
        ((ObjectNode) measures.get(14)).put("applies", false);
        return data;
    }
}

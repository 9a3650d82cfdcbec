package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.defaults.FormDefaults;
import org.tezuo.form.defaults.InitialDataContext;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidation;
import org.tezuo.form.validation.FormValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class TemporaryElectricityPermitFormTest {

    private static final String KEY = "temporary-electricity-permit";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T00:10:00Z"), ZoneOffset.UTC);

    private final JsonNode body = TemplateDocuments.read("form/" + KEY + ".json");
    private final FormDefinition form = new FormDefinitionParser().parse(KEY, 1, body);
    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);

    @Test
    @DisplayName("The document passes the checks run when it is saved")
    void documentPassesTheSaveCheck() {
        assertThat(TemplateDocuments.formCheck(KEY, body)).isEmpty();
    }

    @Test
    @DisplayName("Fields follow Annex A.6 with Chinese and English labels on a phone-sized layout")
    void fieldsFollowAnnexA6() {
        assertThat(form.title().zh()).isEqualTo("临时用电安全作业票");
        assertThat(form.permitType()).isEqualTo("temporary-electricity");
        assertThat(form.fields()).allSatisfy(field -> assertThat(field.label().en()).isNotBlank());
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.fields()).extracting(FormField::name).contains("powerSource", "permittedPowerKilowatts",
                "voltageVolts", "equipment", "powerUser", "workers", "workLeaderCertNumber", "gasAnalyses",
                "safetyMeasures", "powerSupplyUnit", "powerSupplyApprover");
        assertThat(form.field("powerSupplyApprover").orElseThrow().widget()).isEqualTo(FieldWidget.PERSON);
        assertThat(form.field("workers").orElseThrow().child("certNumber").orElseThrow().label().zh())
                .isEqualTo("电工作业操作证号");
    }

    @Test
    @DisplayName("A new permit starts with the fourteen measures of Annex A.6")
    void initialDataPrefillsMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.propertyNames()).containsExactly("applicant", "appliedAt", "safetyMeasures");
        assertThat(data.get("safetyMeasures")).hasSize(14);
        assertThat(data.get("safetyMeasures").get(0).get("item").asString()).isEqualTo("作业人员持有电工作业操作证");
    }

    @Test
    @DisplayName("A realistic permit is valid and gets its days of use computed")
    void realisticPermitIsValid() {
        FormValidation result = validate(validPermit());

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("durationDays").decimalValue()).isEqualByComparingTo("7.4");
        assertThat(result.data().has("extensionReason")).isFalse();
    }

    @Test
    @DisplayName("Fifteen days need no special reason")
    void fifteenDaysNeedNoReason() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-20T09:00:00+08:00");

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("durationDays").decimalValue()).isEqualByComparingTo("15");
    }

    @Test
    @DisplayName("More than fifteen days need the special reason")
    void pastFifteenDaysNeedsReason() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-20T12:00:00+08:00");

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).containsExactly(new FieldError("$.extensionReason", "超过 15 天的特殊情况说明",
                "请填写“超过 15 天的特殊情况说明”，这是必填项"));
    }

    @Test
    @DisplayName("Power in a fire and explosion area needs the gas analysis on the form")
    void hazardousAreaNeedsGasAnalysis() {
        ObjectNode data = validPermit();
        data.remove("gasAnalyses");

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).containsExactly(new FieldError("$.gasAnalyses", "可燃气体分析",
                "请填写“可燃气体分析”，这是必填项"));
    }

    @Test
    @DisplayName("Outside hazardous areas the gas analysis is dropped")
    void ordinaryAreaDropsGasAnalysis() {
        ObjectNode data = validPermit();
        data.put("hazardousArea", false);

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().has("gasAnalyses")).isFalse();
    }

    @Test
    @DisplayName("Power for hot work names the hot-work permit")
    void servedPermitNeedsItsNumber() {
        ObjectNode data = validPermit();
        data.put("servesPermitType", "动火");

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).containsExactly(new FieldError("$.servedPermitNumber", "被供电作业的安全作业票编号",
                "请填写“被供电作业的安全作业票编号”，这是必填项"));
    }

    @Test
    @DisplayName("Bad values are rejected with messages that name each field")
    void badValuesNameTheirFields() {
        ObjectNode data = validPermit();
        data.put("permittedPowerKilowatts", 0);
        data.put("voltageVolts", "380V");
        ((ObjectNode) data.withArray("equipment").get(1)).remove("ratedPowerKilowatts");
        ((ObjectNode) data.withArray("workers").get(0)).put("idNumber", "12345");
        data.remove("powerSupplyApprover");

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).extracting(FieldError::path).containsExactly("$.permittedPowerKilowatts",
                "$.voltageVolts", "$.equipment[1].ratedPowerKilowatts", "$.workers[0].idNumber",
                "$.powerSupplyApprover");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).contains("“" + error.label() + "”"));
        assertThat(errors.get(4).message()).isEqualTo("请填写“配送电单位审批人”，这是必填项");
    }

    @Test
    @DisplayName("The end of temporary power must follow its start")
    void endBeforeStartIsRejected() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-05T08:00:00+08:00");

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).contains(new FieldError("$.workEnd", "临时用电结束时间",
                "临时用电结束时间必须晚于临时用电开始时间；请修改“临时用电结束时间”"));
    }

    @Test
    @DisplayName("The form binds every variable the temporary-electricity ruleset reads")
    void bindingsCoverTheRulesetVariables() {
        Set<String> fromEvaluator = Set.of("weather", "gasSamples", "gas", "now");

        assertThat(TemplateDocuments.packRuleset("gb30871-2022.temporary-electricity").variables())
                .filteredOn(variable -> !fromEvaluator.contains(variable))
                .allSatisfy(variable -> assertThat(form.binding(variable)).as(variable).isPresent());
        assertThat(form.binding("workers")).contains("workers");
        assertThat(form.constants().get("maxValidityDays").source()).isEqualTo("GB 30871-2022 10.8");
    }

    private FormValidation validate(JsonNode data) {
        return validator.validate(form, data, new EvaluationContext("wangwu", null, CLOCK.instant(), SHANGHAI,
                Locale.SIMPLIFIED_CHINESE));
    }

    private ObjectNode validPermit() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));
        data.setAll((ObjectNode) TemplateDocuments.JSON.readTree("""
                {
                  "applicantUnit": "储运部",
                  "location": "LNG 储罐区 T-101 东侧检修平台",
                  "workContent": "储罐区检修期间临时照明和通风接电",
                  "powerSource": "2# 配电室 AP-03 备用回路",
                  "permittedPowerKilowatts": 15,
                  "voltageVolts": 380,
                  "equipment": [
                    {"name": "防爆照明灯组", "ratedPowerKilowatts": 2.4},
                    {"name": "防爆轴流风机", "ratedPowerKilowatts": 5.5}
                  ],
                  "powerUser": "zhaoliu",
                  "guardian": "sunqi",
                  "workers": [
                    {"name": "王电工", "idNumber": "110101198805050022", "certNumber": "T110101198805050022"}
                  ],
                  "workLeader": "zhouba",
                  "workLeaderCertNumber": "T110101197901010017",
                  "hazardousArea": true,
                  "gasAnalyses": [
                    {"time": "2026-03-05T08:40:00+08:00", "point": "接电点周围 5 m", "gas": "甲烷",
                     "result": 0, "unit": "%LEL", "analyst": "化验员周八"}
                  ],
                  "riskIdentification": "触电；可燃气体遇电火花爆炸；线路机械损伤",
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "workEnd": "2026-03-12T18:00:00+08:00",
                  "powerSupplyUnit": "电仪车间",
                  "powerSupplyApprover": "qianjiu",
                  "briefing": {"givenBy": "zhouba", "receivedBy": "王电工"}
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            boolean applies = i != 13;
            measure.put("applies", applies);
            if (applies) {
                measure.put("confirmedBy", "sunqi");
            }
        }
        return data;
    }
}

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

class ExcavationPermitFormTest {

    private static final String KEY = "excavation-permit";
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
    @DisplayName("Fields follow Annex A.7 with Chinese and English labels on a phone-sized layout")
    void fieldsFollowAnnexA7() {
        assertThat(form.title().zh()).isEqualTo("动土安全作业票");
        assertThat(form.permitType()).isEqualTo("excavation");
        assertThat(form.fields()).allSatisfy(field -> assertThat(field.label().en()).isNotBlank());
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.fields()).extracting(FormField::name).contains("depthMetres", "areaSquareMetres", "sketch",
                "buriedFacilitiesDrawing", "countersigners", "safetyMeasures");
        assertThat(form.field("buriedFacilitiesDrawing").orElseThrow().widget()).isEqualTo(FieldWidget.FILE);
        assertThat(form.fieldAt("countersigners.signer").orElseThrow().widget()).isEqualTo(FieldWidget.PERSON);
    }

    @Test
    @DisplayName("A new permit starts with the eleven measures of Annex A.7")
    void initialDataPrefillsMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.get("safetyMeasures")).hasSize(11);
        assertThat(data.get("safetyMeasures").get(8).get("item").asString())
                .isEqualTo("易燃易爆、有毒气体存在的场所动土深度超过1.2m，已按照受限空间作业要求采取了措施");
    }

    @Test
    @DisplayName("A realistic permit is valid")
    void realisticPermitIsValid() {
        FormValidation result = validate(validPermit());

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("confinedSpaceRulesApply").asBoolean()).isFalse();
        assertThat(result.data().has("confinedSpacePermitNumber")).isFalse();
    }

    @Test
    @DisplayName("Exactly 1.2 m among buried hazardous lines needs no confined-space permit")
    void depthOfOnePointTwoNeedsNoConfinedSpacePermit() {
        ObjectNode data = validPermit();
        data.put("depthMetres", 1.2);

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("confinedSpaceRulesApply").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("Deeper than 1.2 m among buried hazardous lines asks for the confined-space permit")
    void deeperThanOnePointTwoNeedsConfinedSpacePermit() {
        ObjectNode data = validPermit();
        data.put("depthMetres", 1.21);

        FormValidation result = validate(data);

        assertThat(result.data().get("confinedSpaceRulesApply").asBoolean()).isTrue();
        assertThat(result.errors()).containsExactly(new FieldError("$.confinedSpacePermitNumber",
                "受限空间安全作业票编号", "请填写“受限空间安全作业票编号”，这是必填项"));
    }

    @Test
    @DisplayName("Outside hazardous areas buried lines are not asked and no confined-space permit is needed")
    void ordinaryAreaNeedsNoConfinedSpacePermit() {
        ObjectNode data = validPermit();
        data.put("hazardousArea", false);
        data.put("depthMetres", 3);

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().has("buriedHazardousLines")).isFalse();
        assertThat(result.data().get("confinedSpaceRulesApply").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("The buried facilities must be explained before digging")
    void undergroundBriefingIsRequired() {
        ObjectNode data = validPermit();
        ((ObjectNode) data.get("briefing")).put("undergroundExplained", false);

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).containsExactly(new FieldError("$.briefing.undergroundExplained",
                "安全交底 › 已对作业现场的地下隐蔽工程进行交底",
                "动土作业前须对作业现场的地下隐蔽工程进行交底（GB 30871-2022 4.4 c））；交底后请勾选“已对作业现场的地下隐蔽工程进行交底”"));
    }

    @Test
    @DisplayName("Bad values are rejected with messages that name each field")
    void badValuesNameTheirFields() {
        ObjectNode data = validPermit();
        data.put("depthMetres", -1);
        data.put("method", "blasting");
        data.remove("buriedFacilitiesDrawing");
        ((ArrayNode) data.withArray("countersigners")).removeAll();

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).extracting(FieldError::path).containsExactly("$.method", "$.depthMetres",
                "$.buriedFacilitiesDrawing", "$.countersigners");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).contains("“" + error.label() + "”"));
        assertThat(errors.get(2).message()).isEqualTo("请填写“地下隐蔽设施分布图”，这是必填项");
    }

    @Test
    @DisplayName("The form binds every variable the excavation ruleset reads")
    void bindingsCoverTheRulesetVariables() {
        Set<String> fromEvaluator = Set.of("weather", "gasSamples", "gas", "now");

        assertThat(TemplateDocuments.packRuleset("gb30871-2022.excavation").variables())
                .filteredOn(variable -> !fromEvaluator.contains(variable))
                .allSatisfy(variable -> assertThat(form.binding(variable)).as(variable).isPresent());
        assertThat(form.constants().get("confinedSpaceDepthMetres").source()).isEqualTo("GB 30871-2022 11.10");
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
                  "workUnit": "某某建设工程有限公司",
                  "location": "LNG 卸料管廊 3 号支架基础",
                  "workContent": "更换管廊支架基础，开挖基坑",
                  "guardian": "sunqi",
                  "workLeader": "zhaoliu",
                  "method": "manual-and-machine",
                  "depthMetres": 1.0,
                  "areaSquareMetres": 6,
                  "sketch": "file-31",
                  "buriedFacilitiesDrawing": "file-32",
                  "hazardousArea": true,
                  "buriedHazardousLines": true,
                  "riskIdentification": "挖断埋地天然气管线引发泄漏着火；坍塌；机械伤害",
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "workEnd": "2026-03-07T17:00:00+08:00",
                  "countersigners": [
                    {"department": "process", "signer": "qianjiu"},
                    {"department": "power", "signer": "zhouba"},
                    {"department": "fire", "signer": "wuzhou"}
                  ],
                  "briefing": {"givenBy": "zhaoliu", "receivedBy": "李强、王磊", "undergroundExplained": true}
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            measure.put("applies", i != 10);
            if (i != 10) {
                measure.put("confirmedBy", "sunqi");
            }
        }
        return data;
    }
}

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

class RoadClosurePermitFormTest {

    private static final String KEY = "road-closure-permit";
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
    @DisplayName("Fields follow Annex A.8 with Chinese and English labels on a phone-sized layout")
    void fieldsFollowAnnexA8() {
        assertThat(form.title().zh()).isEqualTo("断路安全作业票");
        assertThat(form.permitType()).isEqualTo("road-closure");
        assertThat(form.fields()).allSatisfy(field -> assertThat(field.label().en()).isNotBlank());
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.fields()).extracting(FormField::name).contains("relatedUnits", "reason", "road", "sketch",
                "trafficPlan", "detour", "fireAccessKept", "safetyMeasures");
    }

    @Test
    @DisplayName("A new permit starts with the four measures of Annex A.8")
    void initialDataPrefillsMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.get("safetyMeasures")).hasSize(4);
        assertThat(data.get("safetyMeasures").get(2).get("item").asString()).isEqualTo("夜间作业设置警示灯");
    }

    @Test
    @DisplayName("A realistic daytime closure is valid and needs no warning-light height")
    void realisticPermitIsValid() {
        FormValidation result = validate(validPermit());

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("nightWork").asBoolean()).isFalse();
        assertThat(result.data().has("warningLightHeightMetres")).isFalse();
    }

    @Test
    @DisplayName("A closure into the evening asks for the warning-light height")
    void nightClosureNeedsLightHeight() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-05T18:30:00+08:00");

        FormValidation result = validate(data);

        assertThat(result.data().get("nightWork").asBoolean()).isTrue();
        assertThat(result.errors()).containsExactly(new FieldError("$.warningLightHeightMetres",
                "道路作业警示灯设置高度", "请填写“道路作业警示灯设置高度”，这是必填项"));
    }

    @Test
    @DisplayName("A closure ending at 18:00 sharp is still daytime")
    void closureEndingAtEighteenIsDaytime() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-05T18:00:00+08:00");

        assertThat(validate(data).data().get("nightWork").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("Bad values are rejected with messages that name each field")
    void badValuesNameTheirFields() {
        ObjectNode data = validPermit();
        data.remove("road");
        data.remove("detour");
        data.put("workEnd", "2026-03-05T19:00:00+08:00");
        data.put("warningLightHeightMetres", 0);

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).extracting(FieldError::path).containsExactly("$.road", "$.detour",
                "$.warningLightHeightMetres");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).contains("“" + error.label() + "”"));
        assertThat(errors.getFirst().message()).isEqualTo("请填写“断路道路及地段”，这是必填项");
    }

    @Test
    @DisplayName("The end of the closure must follow its start")
    void endBeforeStartIsRejected() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-05T08:00:00+08:00");

        List<FieldError> errors = validate(data).errors();

        assertThat(errors).contains(new FieldError("$.workEnd", "断路结束时间",
                "断路结束时间必须晚于断路开始时间；请修改“断路结束时间”"));
    }

    @Test
    @DisplayName("The form binds every variable the road-closure ruleset reads")
    void bindingsCoverTheRulesetVariables() {
        Set<String> fromEvaluator = Set.of("weather", "gasSamples", "gas", "now");

        assertThat(TemplateDocuments.packRuleset("gb30871-2022.road-closure").variables())
                .filteredOn(variable -> !fromEvaluator.contains(variable))
                .allSatisfy(variable -> assertThat(form.binding(variable)).as(variable).isPresent());
        assertThat(form.constants().get("nightStart").unconfirmed()).isTrue();
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
                  "workLeader": "zhaoliu",
                  "relatedUnits": "安全环保部、消防站、储运部",
                  "guardian": "sunqi",
                  "reason": "横穿厂区 2 号路敷设消防水管，需开挖路面",
                  "road": "厂区 2 号路，1 号门至消防站路段",
                  "sketch": "file-41",
                  "trafficPlan": "半幅封闭施工，另半幅单向通行，设专人指挥；消防车经 3 号路绕行至消防站",
                  "detour": "1 号门 → 3 号路 → 消防站",
                  "fireAccessKept": true,
                  "riskIdentification": "车辆伤害；夜间照明不足；管线挖断",
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "workEnd": "2026-03-05T17:00:00+08:00",
                  "briefing": {"givenBy": "zhaoliu", "receivedBy": "施工班组全体"}
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            measure.put("applies", i < 2);
            if (i < 2) {
                measure.put("confirmedBy", "sunqi");
            }
        }
        return data;
    }
}

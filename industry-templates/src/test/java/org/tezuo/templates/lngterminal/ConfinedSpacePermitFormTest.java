package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
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
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ConfinedSpacePermitFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T00:10:00Z"), ZoneOffset.UTC);

    private final JsonNode body = TemplateDocuments.read("form/confined-space-permit.json");
    private final FormDefinition form = new FormDefinitionParser().parse("confined-space-permit", 1, body);
    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);

    @Test
    @DisplayName("The document passes the form meta-schema and the checks run at publish")
    void documentPassesPublishChecks() {
        assertThat(TemplateDocuments.formProblems("confined-space-permit", body)).isEmpty();
    }

    @Test
    @DisplayName("Every field has a Chinese and an English label and the layout fits a phone")
    void fieldsCarryLabelsAndFitAPhone() {
        assertThat(form.title().zh()).isEqualTo("受限空间安全作业票");
        assertThat(form.permitType()).isEqualTo("confined-space");
        assertThat(form.allFields()).allSatisfy(field -> {
            assertThat(field.label().zh()).isNotBlank();
            assertThat(field.label().en()).isNotBlank();
        });
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.field("gasAnalyses").orElseThrow().children()).extracting(FormField::name).containsExactly(
                "time", "point", "oxygenPercentVol", "flammableGas", "flammableResult", "flammableUnit", "toxicGas",
                "toxicResultPpm", "analyst");
        assertThat(form.field("guardian").orElseThrow().widget()).isEqualTo(FieldWidget.PERSON);
        assertThat(form.binding("gasAnalyses")).contains("gasAnalyses");
        assertThat(form.binding("oxygenEnriched")).contains("oxygenEnriched");
        assertThat(form.binding("hazardousMedium")).contains("hazardousMedium");
    }

    @Test
    @DisplayName("A new permit starts with the applicant, the time and the 15 measures of table A.2")
    void initialDataPrefillsMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.propertyNames()).containsExactly("applicant", "appliedAt", "hazardousMedium",
                "oxygenEnriched", "safetyMeasures");
        assertThat(data.get("hazardousMedium").asBoolean()).isFalse();
        assertThat(data.get("oxygenEnriched").asBoolean()).isFalse();
        assertThat(data.get("safetyMeasures")).hasSize(15);
        assertThat(data.get("safetyMeasures").get(3).get("item").asString())
                .isEqualTo("转动设备已切断电源，电源开关处已加锁并悬挂“禁止合闸”标志牌");
    }

    @Test
    @DisplayName("A realistic permit is valid")
    void realisticPermitIsValid() {
        List<FieldError> errors = validator.validate(form, validPermit(), Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("Bad values are all reported in Chinese with the label path of their field")
    void badValuesAreReportedInChinese() {
        ObjectNode data = validPermit();
        data.remove("spaceName");
        ObjectNode firstRow = (ObjectNode) data.withArray("gasAnalyses").get(0);
        firstRow.put("oxygenPercentVol", 120);
        firstRow.put("point", "顶部");
        firstRow.remove("flammableUnit");
        data.remove("isolationDetail");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactlyInAnyOrder(
                new FieldError("$.spaceName", "受限空间名称", "请填写“受限空间名称”，这是必填项"),
                new FieldError("$.isolationDetail", "隔离说明", "请填写“隔离说明”，这是必填项"),
                new FieldError("$.gasAnalyses[0].point", "气体分析 第1行 › 分析部位", "“气体分析 第1行 › 分析部位”的值"
                        + "“顶部”不是可选项；请从 上部、中部、下部、左部、右部、出入口 中选择"),
                new FieldError("$.gasAnalyses[0].oxygenPercentVol", "气体分析 第1行 › 氧气含量", "“气体分析 第1行 › "
                        + "氧气含量”的值 120 大于最大值 100；请填写不大于 100 的数"),
                new FieldError("$.gasAnalyses[0].flammableUnit", "气体分析 第1行 › 可燃气体单位",
                        "请填写“气体分析 第1行 › 可燃气体单位”，这是必填项"));
    }

    @Test
    @DisplayName("No isolation details are asked for a space without connected lines")
    void isolationDetailOnlyForConnectedLines() {
        ObjectNode data = validPermit();
        data.put("isolationMethod", "无连通管道");
        data.remove("isolationDetail");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("An entrant without an ID number is rejected")
    void entrantWithoutIdNumberIsRejected() {
        ObjectNode data = validPermit();
        ((ObjectNode) data.withArray("entrants").get(1)).remove("idNumber");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactly(new FieldError("$.entrants[1].idNumber", "作业人 第2行 › 身份证号",
                "请填写“作业人 第2行 › 身份证号”，这是必填项"));
    }

    @Test
    @DisplayName("A gas row without oxygen is rejected in English too")
    void missingOxygenInEnglish() {
        ObjectNode data = validPermit();
        ((ObjectNode) data.withArray("gasAnalyses").get(1)).remove("oxygenPercentVol");

        List<FieldError> errors = validator.validate(form, data, Locale.ENGLISH, SHANGHAI);

        assertThat(errors).extracting(FieldError::path).containsExactly("$.gasAnalyses[1].oxygenPercentVol");
        assertThat(errors.getFirst().message()).contains("Gas analyses row 2 › Oxygen");
    }

    @Test
    @DisplayName("A work end before its start is rejected with the form's own message")
    void workEndBeforeStartIsRejected() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-05T08:00:00+08:00");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactly(new FieldError("$.workEnd", "作业结束时间",
                "作业结束时间必须晚于开始时间；请修改“作业结束时间”"));
    }

    private ObjectNode validPermit() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));
        data.setAll((ObjectNode) TemplateDocuments.JSON.readTree("""
                {
                  "applicantUnit": "储运部",
                  "spaceName": "BOG 压缩机入口缓冲罐 V-201",
                  "originalMedium": "天然气（甲烷）",
                  "workContent": "罐内检查及清理",
                  "workUnit": "维修车间",
                  "workLeader": "zhaoliu",
                  "guardian": "sunqi",
                  "entrants": [{"name": "李强", "idNumber": "320623198509230318"},
                               {"name": "王磊", "idNumber": "320623199003150012"}],
                  "isolationMethod": "加盲板",
                  "isolationDetail": "入口、出口、放空线各加盲板 1 块（MB-11～MB-13），盲板责任人 zhaoliu",
                  "ventilationMethod": "强制通风",
                  "gasAnalyses": [
                    {"time": "2026-03-05T08:35:00+08:00", "point": "上部", "oxygenPercentVol": 20.8,
                     "flammableGas": "甲烷", "flammableResult": 0, "flammableUnit": "%LEL",
                     "toxicGas": "硫化氢", "toxicResultPpm": 0, "analyst": "化验员周八"},
                    {"time": "2026-03-05T08:37:00+08:00", "point": "下部", "oxygenPercentVol": 20.9,
                     "analyst": "化验员周八"}
                  ],
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "workEnd": "2026-03-05T17:00:00+08:00",
                  "rescueMeasures": "罐外备正压式空气呼吸器 2 套、救生绳 2 根，中控室 6119 联络",
                  "linkedPermits": [{"operation": "盲板抽堵", "permitNumber": "MB-20260305-002"}],
                  "riskIdentification": "缺氧窒息；残留天然气中毒、火灾爆炸；高处坠落",
                  "briefing": {"givenBy": "zhaoliu", "receivedBy": "李强、王磊"}
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            boolean applies = i != 7 && i != 14;
            measure.put("applies", applies);
            if (applies) {
                measure.put("confirmedBy", "sunqi");
            }
        }
        return data;
    }
}

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
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class BlindFlangePermitFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T00:10:00Z"), ZoneOffset.UTC);

    private final JsonNode body = TemplateDocuments.read("form/blind-flange-permit.json");
    private final FormDefinition form = new FormDefinitionParser().parse("blind-flange-permit", 1, body);
    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);

    @Test
    @DisplayName("The document passes the form meta-schema and the checks run at publish")
    void documentPassesPublishChecks() {
        assertThat(TemplateDocuments.formProblems("blind-flange-permit", body)).isEmpty();
    }

    @Test
    @DisplayName("Every field has a Chinese and an English label, and one permit holds one blind and one action")
    void fieldsCarryLabels() {
        assertThat(form.title().zh()).isEqualTo("盲板抽堵安全作业票");
        assertThat(form.permitType()).isEqualTo("blind-flange");
        assertThat(form.allFields()).allSatisfy(field -> {
            assertThat(field.label().zh()).isNotBlank();
            assertThat(field.label().en()).isNotBlank();
        });
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.field("blindAction").orElseThrow().options()).extracting(option -> option.label().zh())
                .containsExactly("堵盲板", "抽盲板");
        assertThat(form.field("blindNumber").orElseThrow().widget()).isEqualTo(FieldWidget.TEXT);
        assertThat(form.field("blindMap").orElseThrow().widget()).isEqualTo(FieldWidget.FILE);
    }

    @Test
    @DisplayName("A new permit starts with the 11 measures of table A.3")
    void initialDataPrefillsMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.get("safetyMeasures")).hasSize(11);
        assertThat(data.get("safetyMeasures").get(3).get("item").asString())
                .isEqualTo("火灾爆炸危险场所的气体管道，距作业地点30m内无其他动火作业");
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
        data.put("blindAction", "抽堵");
        data.remove("blindNumber");
        data.put("pipelinePressureMPa", "1.6 MPa");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactlyInAnyOrder(
                new FieldError("$.blindAction", "作业类别", "“作业类别”的值“抽堵”不是可选项；请从 堵盲板、抽盲板 中选择"),
                new FieldError("$.blindNumber", "盲板编号", "请填写“盲板编号”，这是必填项"),
                new FieldError("$.pipelinePressureMPa", "压力", "“压力”的值“1.6 MPa”不是数字；请填写数字"));
    }

    private ObjectNode validPermit() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));
        data.setAll((ObjectNode) TemplateDocuments.JSON.readTree("""
                {
                  "applicantUnit": "储运部",
                  "workUnit": "维修车间",
                  "blindAction": "堵",
                  "equipmentName": "BOG 压缩机入口管线 DN200",
                  "pipelineNo": "BOG-2001-200",
                  "medium": "天然气",
                  "mediumTemperatureCelsius": -120,
                  "pipelinePressureMPa": 0.8,
                  "blindMaterial": "06Cr19Ni10",
                  "blindSpecification": "DN200 PN25 8字盲板",
                  "blindNumber": "MB-11",
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "blindMapNote": "见 BOG 压缩机区盲板位置图第 3 页，MB-11 位于入口切断阀下游法兰",
                  "blindMapPreparedBy": "zhaoliu",
                  "hazardousArea": true,
                  "toxicGasService": false,
                  "workLeader": "zhaoliu",
                  "workers": [{"name": "田小军", "idNumber": "320681199610294218"}],
                  "guardian": "sunqi",
                  "riskIdentification": "天然气泄漏着火；低温冻伤",
                  "briefing": {"givenBy": "zhaoliu", "receivedBy": "田小军"}
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            measure.put("applies", i != 1 && i != 4 && i != 5 && i != 10);
            measure.put("confirmedBy", "sunqi");
        }
        return data;
    }
}

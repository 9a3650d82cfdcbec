package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class HotWorkPermitFormTest {

    private static final String DOCUMENT = "/org/tezuo/templates/lng-terminal/form/hot-work-permit.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T00:10:00Z"), ZoneOffset.UTC);

    private final JsonNode body = read(DOCUMENT);
    private final FormDefinition form = new FormDefinitionParser().parse("hot-work-permit", 1, body);
    private final FormValidator validator = new FormValidator(new MvelExpressionCompiler(), CLOCK);

    @Test
    void documentSatisfiesTheFormMetaSchema() {
        var violations = new MetaSchemaValidator().validate(MetadataKind.FORM, body, Locale.SIMPLIFIED_CHINESE);

        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("The document passes the checks run when it is saved, computed grade included")
    void documentPassesTheSaveCheck() {
        assertThat(TemplateDocuments.formCheck("hot-work-permit", body)).isEmpty();
    }

    @Test
    void layoutFitsAPhone() {
        assertThat(form.sections()).extracting(FormSection::columns).allMatch(columns -> columns <= 2);
        assertThat(form.sections().stream().flatMap(section -> section.fields().stream()).map(FormField::name))
                .containsExactlyInAnyOrderElementsOf(form.fields().stream().map(FormField::name).toList());
    }

    @Test
    void fieldsCarryChineseAndEnglishLabels() {
        assertThat(form.title().zh()).isEqualTo("动火安全作业票");
        assertThat(form.permitType()).isEqualTo("hot-work");
        assertThat(form.fields()).allSatisfy(field -> assertThat(field.label().en()).isNotBlank());
        assertThat(form.field("workers").orElseThrow().widget()).isEqualTo(FieldWidget.TABLE);
        assertThat(form.field("guardian").orElseThrow().widget()).isEqualTo(FieldWidget.PERSON);
        assertThat(form.field("grade").orElseThrow().options()).extracting(option -> option.value())
                .containsExactly("特级", "一级", "二级");
        assertThat(form.field("gasAnalyses").orElseThrow().child("unit").orElseThrow().options())
                .extracting(option -> option.value()).containsExactly("%LEL", "%VOL", "ppm", "%vol O2");
    }

    @Test
    void bindingsNameTheRuntimeRoles() {
        assertThat(form.bindings()).containsAllEntriesOf(Map.of(
                "applicant", "applicant",
                "workers", "workers",
                "grade", "grade",
                "workStart", "workStart",
                "workEnd", "workEnd",
                "openAir", "openAir",
                "location", "location",
                "guardian", "guardian"));
    }

    @Test
    void initialDataPrefillsStandardMeasures() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));

        assertThat(data.propertyNames()).containsExactly("applicant", "appliedAt", "safetyMeasures");
        assertThat(data.get("applicant").asString()).isEqualTo("wangwu");
        assertThat(data.get("appliedAt").asString()).isEqualTo("2026-03-05T08:10:00+08:00");
        assertThat(data.get("safetyMeasures")).hasSize(16);
        assertThat(data.get("safetyMeasures").get(0).get("item").asString())
                .isEqualTo("动火设备内部构件清洗干净，蒸汽吹扫或水洗、置换合格，达到动火条件");
    }

    @Test
    void realisticPermitIsValid() {
        List<FieldError> errors = validator.validate(form, validPermit(), Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).isEmpty();
    }

    @Test
    void permitWithFiveErrorsReportsAllFive() {
        ObjectNode data = validPermit();
        data.remove("areaClass");
        data.put("workStart", "2026-03-05 09:00");
        ((ObjectNode) data.withArray("workers").get(1)).put("idNumber", "11010119900101001");
        ((ObjectNode) data.withArray("gasAnalyses").get(0)).put("unit", "LEL");
        ((ObjectNode) data.withArray("safetyMeasures").get(2)).remove("confirmedBy");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactly(
                new FieldError("$.areaClass", "动火区域类别", "请填写“动火区域类别”，这是必填项"),
                new FieldError("$.workStart", "动火开始时间", "“动火开始时间”的值“2026-03-05 09:00”不是带时区的有效"
                        + "日期时间；请按“2026-03-05T08:30:00+08:00”的格式填写"),
                new FieldError("$.workers[1].idNumber", "动火人 第2行 › 身份证号", "“动火人 第2行 › 身份证号”的值"
                        + "“11010119900101001”格式不对；请填写18 位居民身份证号码，最后一位可以是数字或大写 X"),
                new FieldError("$.gasAnalyses[0].unit", "气体分析 第1行 › 单位", "“气体分析 第1行 › 单位”的值“LEL”"
                        + "不是可选项；请从 %LEL（爆炸下限百分比）、%VOL（体积分数）、ppm、%vol O₂（氧含量） 中选择"),
                new FieldError("$.safetyMeasures[2].confirmedBy", "安全措施 第3行 › 确认人",
                        "请填写“安全措施 第3行 › 确认人”，这是必填项"));
    }

    @Test
    void tableRowErrorNamesTheRowInEnglish() {
        ObjectNode data = validPermit();
        ((ObjectNode) data.withArray("emergencyContacts").get(0)).put("phone", "12345678901");

        List<FieldError> errors = validator.validate(form, data, Locale.ENGLISH, SHANGHAI);

        assertThat(errors).containsExactly(new FieldError("$.emergencyContacts[0].phone",
                "Emergency contacts row 1 › Phone", "The value \"12345678901\" of \"Emergency contacts row 1 › "
                        + "Phone\" has the wrong format; enter an 11-digit mobile number, a landline with area code "
                        + "such as 0571-87654321, or a 3- to 5-digit internal number"));
    }

    @Test
    void confirmerDroppedWhenMeasureNotApplies() {
        ObjectNode data = validPermit();
        ((ObjectNode) data.withArray("safetyMeasures").get(0)).put("applies", false);

        FormValidation result = validator.validate(form, data, new EvaluationContext("wangwu", null,
                CLOCK.instant(), SHANGHAI, Locale.SIMPLIFIED_CHINESE));

        assertThat(result.errors()).isEmpty();
        assertThat(data.withArray("safetyMeasures").get(0).has("confirmedBy")).isTrue();
        assertThat(result.data().withArray("safetyMeasures").get(0).has("confirmedBy")).isFalse();
        assertThat(result.data().withArray("safetyMeasures").get(1).has("confirmedBy")).isTrue();
    }

    @Test
    void workEndBeforeStartIsRejected() {
        ObjectNode data = validPermit();
        data.put("workEnd", "2026-03-05T08:00:00+08:00");

        List<FieldError> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(errors).containsExactly(new FieldError("$.workEnd", "动火结束时间",
                "动火结束时间必须晚于开始时间；请修改“动火结束时间”"));
    }

    @Test
    @DisplayName("A realistic permit gets its grade and basis computed")
    void realisticPermitGetsComputedGrade() {
        FormValidation result = validate(validPermit());

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("baseGrade").asString()).isEqualTo("一级");
        assertThat(result.data().get("grade").asString()).isEqualTo("一级");
        assertThat(result.data().get("gradeBasis").asString()).isEqualTo("first.pipe-rack");
        assertThat(result.data().get("nightWork").asBoolean()).isFalse();
        assertThat(result.data().has("restDay")).isFalse();
    }

    @Test
    @DisplayName("A grade sent by the client is replaced by the computed grade")
    void clientGradeIsReplaced() {
        ObjectNode data = validPermit();
        data.put("grade", "二级");
        data.put("gradeBasis", "second.other-area");
        data.put("workEnd", "2026-03-05T19:00:00+08:00");

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("grade").asString()).isEqualTo("特级");
        assertThat(result.data().get("gradeBasis").asString()).isEqualTo("special.raised-night");
    }

    @Test
    @DisplayName("The grade basis shows the reason in Chinese and English")
    void gradeBasisLabelsSayWhy() {
        FormField basis = form.field("gradeBasis").orElseThrow();

        assertThat(basis.options()).filteredOn(option -> option.value().equals("first.raised-night"))
                .singleElement().satisfies(option -> {
                    assertThat(option.label().zh()).isEqualTo("一级（二级动火在夜间进行，升一级）");
                    assertThat(option.label().en()).isEqualTo("一级 (grade 二级 work at night, raised one grade)");
                });
        assertThat(form.field("grade").orElseThrow().isComputed()).isTrue();
    }

    static Stream<Arguments> gradeCases() {
        return Stream.of(
                Arguments.of("pipe rack by day", "pipe-rack", false, "2026-03-05T08:00", "2026-03-05T18:00",
                        "一级", "first.pipe-rack"),
                Arguments.of("pipe rack ending a minute into the night", "pipe-rack", false, "2026-03-05T10:00",
                        "2026-03-05T18:01", "特级", "special.raised-night"),
                Arguments.of("pipe rack starting a minute before day", "pipe-rack", false, "2026-03-05T07:59",
                        "2026-03-05T12:00", "特级", "special.raised-night"),
                Arguments.of("process unit on National Day", "process-unit", false, "2026-10-01T09:00",
                        "2026-10-01T12:00", "特级", "special.raised-rest-day"),
                Arguments.of("process unit on a swapped working Saturday", "process-unit", false, "2026-10-10T09:00",
                        "2026-10-10T12:00", "一级", "first.area"),
                Arguments.of("process unit on an ordinary Saturday", "process-unit", false, "2026-03-07T09:00",
                        "2026-03-07T12:00", "特级", "special.raised-rest-day"),
                Arguments.of("process unit on a Saturday night", "process-unit", false, "2026-03-07T19:00",
                        "2026-03-07T22:00", "特级", "special.raised-night-rest-day"),
                Arguments.of("running equipment by day", "tank-farm", true, "2026-03-05T09:00", "2026-03-05T12:00",
                        "特级", "special.running"),
                Arguments.of("running equipment at night stays 特级", "tank-farm", true, "2026-03-05T20:00",
                        "2026-03-05T23:00", "特级", "special.top-raised"),
                Arguments.of("inside a major-hazard bund", "major-hazard-tank-bund", null, "2026-03-05T09:00",
                        "2026-03-05T12:00", "特级", "special.bund"),
                Arguments.of("other area by day", "non-hazardous", null, "2026-03-05T09:00", "2026-03-05T12:00",
                        "二级", "second.other-area"),
                Arguments.of("other area at night", "non-hazardous", null, "2026-03-05T21:00", "2026-03-05T23:00",
                        "一级", "first.raised-night"),
                Arguments.of("other area at night on a holiday", "non-hazardous", null, "2026-10-02T21:00",
                        "2026-10-02T23:00", "一级", "first.raised-night-rest-day"),
                Arguments.of("fixed hot-work area at night on a holiday", "fixed-hot-work-area", null,
                        "2026-10-02T21:00", "2026-10-02T23:00", "二级", "second.fixed-area"),
                Arguments.of("second-grade window of 72 h reaching the weekend", "non-hazardous", null,
                        "2026-03-04T08:00", "2026-03-07T08:00", "一级", "first.raised-night-rest-day"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradeCases")
    @DisplayName("The grade follows area, part and work window")
    void gradeFollowsAreaPartAndWindow(String description, String areaClass, Boolean onRunningEquipment,
            String start, String end, String grade, String basis) {
        ObjectNode data = validPermit();
        data.put("areaClass", areaClass);
        if (onRunningEquipment == null) {
            data.remove("onRunningEquipment");
        } else {
            data.put("onRunningEquipment", onRunningEquipment);
        }
        data.put("workStart", start + ":00+08:00");
        data.put("workEnd", end + ":00+08:00");

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("grade").asString()).isEqualTo(grade);
        assertThat(result.data().get("gradeBasis").asString()).isEqualTo(basis);
    }

    @Test
    @DisplayName("A UTC work window is graded on the Shanghai wall clock")
    void utcWindowIsGradedInTheTenantZone() {
        ObjectNode data = validPermit();
        data.put("workStart", "2026-03-05T02:00:00Z");
        data.put("workEnd", "2026-03-05T10:30:00Z");

        FormValidation result = validate(data);

        assertThat(result.data().get("nightWork").asBoolean()).isTrue();
        assertThat(result.data().get("grade").asString()).isEqualTo("特级");
    }

    @Test
    @DisplayName("A shut-down unit runs as 二级 only with a named approver")
    void shutdownDowngradeNeedsApprover() {
        ObjectNode data = validPermit();
        data.put("areaClass", "process-unit");
        data.put("shutdownDowngrade", true);

        FormValidation result = validate(data);

        assertThat(result.errors()).containsExactly(new FieldError("$.downgradeApprovedBy",
                "按二级管理的批准人（生产负责人或安全管理负责人）",
                "请填写“按二级管理的批准人（生产负责人或安全管理负责人）”，这是必填项"));
        assertThat(result.data().get("grade").asString()).isEqualTo("二级");
        assertThat(result.data().get("gradeBasis").asString()).isEqualTo("second.shutdown");
    }

    @Test
    @DisplayName("Running equipment drops the shut-down downgrade")
    void runningEquipmentHidesTheDowngrade() {
        ObjectNode data = validPermit();
        data.put("areaClass", "process-unit");
        data.put("onRunningEquipment", true);
        data.put("shutdownDowngrade", true);

        FormValidation result = validate(data);

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().has("shutdownDowngrade")).isFalse();
        assertThat(result.data().get("grade").asString()).isEqualTo("特级");
    }

    @Test
    @DisplayName("Every calendar and night constant names its source and is marked unconfirmed")
    void constantsNameTheirSource() {
        assertThat(form.constants()).containsOnlyKeys("nightStart", "nightEnd", "holidays", "swappedWorkdays");
        assertThat(form.constants().values()).allSatisfy(constant -> {
            assertThat(constant.source()).isNotBlank();
            assertThat(constant.unconfirmed()).isTrue();
        });
        assertThat(form.constants().get("holidays").value()).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("2026-10-01", "2027-02-06");
    }

    private FormValidation validate(ObjectNode data) {
        return validator.validate(form, data, new EvaluationContext("wangwu", null, CLOCK.instant(), SHANGHAI,
                Locale.SIMPLIFIED_CHINESE));
    }

    private ObjectNode validPermit() {
        ObjectNode data = new FormDefaults(CLOCK).initialData(form, new InitialDataContext("wangwu", SHANGHAI));
        data.setAll((ObjectNode) JSON.readTree("""
                {
                  "applicantUnit": "接收站运行部",
                  "workUnit": "某某安装工程有限公司",
                  "workLeader": "zhaoliu",
                  "guardian": "sunqi",
                  "workContent": "BOG 压缩机入口管线支架更换焊接",
                  "location": "BOG 压缩机区 2 号管架东侧",
                  "areaClass": "pipe-rack",
                  "onRunningEquipment": false,
                  "method": "电焊",
                  "workStart": "2026-03-05T09:00:00+08:00",
                  "workEnd": "2026-03-05T16:00:00+08:00",
                  "openAir": true,
                  "workers": [
                    {"name": "李强", "idNumber": "11010119900101001X", "certNumber": "T11010119900101001X"},
                    {"name": "王磊", "idNumber": "110101198805050022", "certNumber": "T110101198805050022"}
                  ],
                  "gasAnalyses": [
                    {"time": "2026-03-05T08:40:00+08:00", "point": "动火点 5 m 内", "gas": "甲烷",
                     "result": 0, "unit": "%LEL", "analyst": "化验员周八"},
                    {"time": "2026-03-05T08:42:00+08:00", "point": "动火点下方地沟", "gas": "甲烷",
                     "result": 0.05, "unit": "%VOL", "analyst": "化验员周八"}
                  ],
                  "linkedPermits": [{"operation": "高处", "permitNumber": "GC-20260305-003"}],
                  "riskIdentification": "天然气泄漏引发火灾爆炸；高处坠落；灼烫",
                  "briefing": {"givenBy": "zhaoliu", "receivedBy": "李强、王磊"},
                  "emergencyContacts": [
                    {"name": "中控室", "phone": "6119"},
                    {"name": "值班长", "phone": "13800000000"}
                  ]
                }"""));
        ArrayNode measures = data.withArray("safetyMeasures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode measure = (ObjectNode) measures.get(i);
            boolean applies = i != 3 && i != 5 && i != 15;
            measure.put("applies", applies);
            if (applies) {
                measure.put("confirmedBy", "sunqi");
            }
        }
        ((ObjectNode) measures.get(7)).put("detail", "灭火器 4 台，灭火毯 2 块，消防水带 1 条");
        return data;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = HotWorkPermitFormTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Resource is missing: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

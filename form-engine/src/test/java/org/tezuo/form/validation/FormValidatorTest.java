package org.tezuo.form.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tezuo.form.FormFixtures;
import org.tezuo.form.ScriptedExpressionCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FormValidatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private final ScriptedExpressionCompiler compiler = new ScriptedExpressionCompiler()
            .define("plannedEnd <= plannedStart", FormValidatorTest::endNotAfterStart)
            .define("shift == 'night' && pumpCount > 4", variables -> "night".equals(variables.get("shift"))
                    && variables.get("pumpCount") instanceof Long pumps && pumps > 4);
    private final FormValidator validator = new FormValidator(compiler,
            Clock.fixed(Instant.parse("2026-03-05T00:30:00Z"), ZoneOffset.UTC));
    private final FormDefinition form = new FormDefinitionParser()
            .parse("equipment-inspection", 1, FormFixtures.read("/org/tezuo/form/equipment-inspection.json"));

    @Test
    void validDataHasNoErrors() {
        List<FieldError> errors = validator.validate(form, validData(), ZH, SHANGHAI);

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keywordCases")
    void keywordErrorIsWordedInChinese(String keyword, Consumer<ObjectNode> change, FieldError chinese,
            FieldError english) {
        ObjectNode data = validData();
        change.accept(data);

        List<FieldError> errors = validator.validate(form, data, ZH, SHANGHAI);

        assertThat(errors).containsExactly(chinese);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keywordCases")
    void keywordErrorIsWordedInEnglish(String keyword, Consumer<ObjectNode> change, FieldError chinese,
            FieldError english) {
        ObjectNode data = validData();
        change.accept(data);

        List<FieldError> errors = validator.validate(form, data, EN, SHANGHAI);

        assertThat(errors).containsExactly(english);
    }

    static Stream<Arguments> keywordCases() {
        return Stream.of(
                Arguments.of("required", change(data -> data.remove("shift")),
                        new FieldError("$.shift", "班次", "请填写“班次”，这是必填项"),
                        new FieldError("$.shift", "Shift", "Fill in \"Shift\"; it is required")),
                Arguments.of("type", change(data -> data.put("pumpCount", "三")),
                        new FieldError("$.pumpCount", "运行泵数", "“运行泵数”的值“三”不是整数；请填写整数"),
                        new FieldError("$.pumpCount", "Running pumps",
                                "The value \"三\" of \"Running pumps\" is not a whole number; enter a whole number")),
                Arguments.of("type boolean", change(data -> data.put("running", "yes")),
                        new FieldError("$.running", "在运行", "“在运行”的值“yes”不是“是”或“否”；请填写“是”或“否”"),
                        new FieldError("$.running", "Running",
                                "The value \"yes\" of \"Running\" is not yes or no; enter yes or no")),
                Arguments.of("type null", change(data -> data.putNull("inspector")),
                        new FieldError("$.inspector", "点检人", "“点检人”不能为空；请填写"),
                        new FieldError("$.inspector", "Inspector", "\"Inspector\" must not be empty; fill it in")),
                Arguments.of("format date", change(data -> data.put("checkDay", "2026-02-30")),
                        new FieldError("$.checkDay", "点检日期",
                                "“点检日期”的值“2026-02-30”不是有效日期；请按“年-月-日”填写，例如 2026-03-05"),
                        new FieldError("$.checkDay", "Check day", "The value \"2026-02-30\" of \"Check day\" is "
                                + "not a valid date; enter it as year-month-day, for example 2026-03-05")),
                Arguments.of("format date-time", change(data -> data.put("checkedAt", "2026-03-05 08:30")),
                        new FieldError("$.checkedAt", "点检时间", "“点检时间”的值“2026-03-05 08:30”不是带时区的有效日期"
                                + "时间；请按“2026-03-05T08:30:00+08:00”的格式填写"),
                        new FieldError("$.checkedAt", "Checked at", "The value \"2026-03-05 08:30\" of \"Checked "
                                + "at\" is not a valid date and time with a time zone offset; enter it like "
                                + "2026-03-05T08:30:00+08:00")),
                Arguments.of("minimum", change(data -> data.put("pumpCount", 0)),
                        new FieldError("$.pumpCount", "运行泵数", "“运行泵数”的值 0 小于最小值 1；请填写不小于 1 的数"),
                        new FieldError("$.pumpCount", "Running pumps",
                                "The value 0 of \"Running pumps\" is below the minimum 1; enter 1 or more")),
                Arguments.of("maximum", change(data -> data.put("pumpCount", 9)),
                        new FieldError("$.pumpCount", "运行泵数", "“运行泵数”的值 9 大于最大值 8；请填写不大于 8 的数"),
                        new FieldError("$.pumpCount", "Running pumps",
                                "The value 9 of \"Running pumps\" is above the maximum 8; enter 8 or less")),
                Arguments.of("exclusiveMinimum", change(data -> data.put("loadRatio", 0)),
                        new FieldError("$.loadRatio", "负荷率", "“负荷率”的值 0 没有大于 0；请填写大于 0 的数"),
                        new FieldError("$.loadRatio", "Load ratio", "The value 0 of \"Load ratio\" is not greater "
                                + "than 0; enter a number greater than 0")),
                Arguments.of("exclusiveMaximum", change(data -> data.put("loadRatio", 1.0)),
                        new FieldError("$.loadRatio", "负荷率", "“负荷率”的值 1.0 没有小于 1；请填写小于 1 的数"),
                        new FieldError("$.loadRatio", "Load ratio", "The value 1.0 of \"Load ratio\" is not less "
                                + "than 1; enter a number less than 1")),
                Arguments.of("enum", change(data -> data.put("shift", "evening")),
                        new FieldError("$.shift", "班次", "“班次”的值“evening”不是可选项；请从 白班、夜班 中选择"),
                        new FieldError("$.shift", "Shift", "The value \"evening\" of \"Shift\" is not one of the "
                                + "options; choose one of Day shift, Night shift")),
                Arguments.of("minItems", change(data -> data.putArray("readings")),
                        new FieldError("$.readings", "读数", "“读数”只有 0 行，至少需要 1 行；请补充"),
                        new FieldError("$.readings", "Readings",
                                "\"Readings\" has 0 row(s) but needs at least 1; add the missing rows")),
                Arguments.of("maxItems", change(data -> {
                    ArrayNode readings = data.withArray("readings");
                    readings.add(readings.get(0).deepCopy());
                    readings.add(readings.get(0).deepCopy());
                }),
                        new FieldError("$.readings", "读数", "“读数”有 3 行，最多允许 2 行；请删除多余的行"),
                        new FieldError("$.readings", "Readings",
                                "\"Readings\" has 3 rows but allows at most 2; remove the extra rows")),
                Arguments.of("minLength", change(data -> data.put("inspector", "张")),
                        new FieldError("$.inspector", "点检人", "“点检人”的值“张”只有 1 个字符，至少需要 2 个；请补充完整"),
                        new FieldError("$.inspector", "Inspector", "The value \"张\" of \"Inspector\" has 1 "
                                + "character(s) but needs at least 2; complete it")),
                Arguments.of("maxLength", change(data -> data.put("inspector", "欧阳建国欧阳建国欧阳建")),
                        new FieldError("$.inspector", "点检人",
                                "“点检人”的值“欧阳建国欧阳建国欧阳建”有 11 个字符，最多允许 10 个；请缩短"),
                        new FieldError("$.inspector", "Inspector", "The value \"欧阳建国欧阳建国欧阳建\" of "
                                + "\"Inspector\" has 11 characters but allows at most 10; shorten it")),
                Arguments.of("pattern with hint", change(data -> data.put("tagCode", "pt101")),
                        new FieldError("$.tagCode", "位号",
                                "“位号”的值“pt101”格式不对；请填写两个大写字母、短横线和三位数字，例如 PT-101"),
                        new FieldError("$.tagCode", "Tag", "The value \"pt101\" of \"Tag\" has the wrong format; "
                                + "enter two capital letters, a hyphen and three digits, for example PT-101")),
                Arguments.of("pattern without hint", change(data -> data.put("serial", "X1")),
                        new FieldError("$.serial", "序列号", "“序列号”的值“X1”格式不对；请填写符合正则表达式 ^S[0-9]+$ 的值"),
                        new FieldError("$.serial", "Serial number", "The value \"X1\" of \"Serial number\" has the "
                                + "wrong format; enter a value matching the regular expression ^S[0-9]+$")),
                Arguments.of("const", change(data -> data.put("declaration", "已点检")),
                        new FieldError("$.declaration", "声明", "“声明”的值“已点检”不正确；这里只能是“已按规程点检”"),
                        new FieldError("$.declaration", "Declaration", "The value \"已点检\" of \"Declaration\" is "
                                + "not allowed; it must be \"已按规程点检\"")),
                Arguments.of("additionalProperties", change(data -> data.put("remark", "备注")),
                        new FieldError("$.remark", "remark", "“设备点检表”中有表单未定义的字段“remark”；请删除该字段"),
                        new FieldError("$.remark", "remark", "\"Equipment inspection\" contains the field "
                                + "\"remark\", which the form does not define; remove that field")));
    }

    @Test
    void tableRowErrorNamesTheRow() {
        ObjectNode data = validData();
        ArrayNode readings = data.withArray("readings");
        readings.addObject().put("point", "入口").put("value", "高");

        List<FieldError> zh = validator.validate(form, data, ZH, SHANGHAI);
        List<FieldError> en = validator.validate(form, data, EN, SHANGHAI);

        assertThat(zh).containsExactly(new FieldError("$.readings[1].value", "读数 第2行 › 读数值",
                "“读数 第2行 › 读数值”的值“高”不是数字；请填写数字"));
        assertThat(en).containsExactly(new FieldError("$.readings[1].value", "Readings row 2 › Value",
                "The value \"高\" of \"Readings row 2 › Value\" is not a number; enter a number"));
    }

    @Test
    void missingCellNamesTheRowAndColumn() {
        ObjectNode data = validData();
        ((ObjectNode) data.withArray("readings").get(0)).remove("point");

        List<FieldError> errors = validator.validate(form, data, ZH, SHANGHAI);

        assertThat(errors).containsExactly(new FieldError("$.readings[0].point", "读数 第1行 › 测点",
                "请填写“读数 第1行 › 测点”，这是必填项"));
    }

    @Test
    void everyErrorIsReturnedInFieldOrder() {
        ObjectNode data = validData();
        data.put("remark", "备注");
        data.put("pumpCount", 12);
        data.remove("inspector");
        data.withObject("handover").put("receiver", 7);
        data.put("checkDay", "5/3/2026");

        List<FieldError> errors = validator.validate(form, data, ZH, SHANGHAI);

        assertThat(errors).extracting(FieldError::path)
                .containsExactly("$.inspector", "$.checkDay", "$.pumpCount", "$.handover.receiver", "$.remark");
        assertThat(errors).extracting(FieldError::label)
                .containsExactly("点检人", "点检日期", "运行泵数", "交接 › 接班人", "remark");
    }

    @Test
    void firedRuleReportsAtItsPath() {
        ObjectNode data = validData();
        data.put("plannedEnd", "2026-03-05T08:00:00+08:00");

        List<FieldError> errors = validator.validate(form, data, ZH, SHANGHAI);

        assertThat(errors).containsExactly(new FieldError("$.plannedEnd", "计划结束",
                "计划结束必须晚于计划开始；请修改“计划结束”"));
    }

    @Test
    void ruleWithoutPathBelongsToTheForm() {
        ObjectNode data = validData();
        data.put("shift", "night");
        data.put("pumpCount", 5);

        List<FieldError> errors = validator.validate(form, data, EN, SHANGHAI);

        assertThat(errors).containsExactly(new FieldError("$", "Equipment inspection",
                "At most 4 pumps run on the night shift; check \"Running pumps\""));
    }

    @Test
    void ruleOverFieldWithSchemaErrorIsSkipped() {
        ObjectNode data = validData();
        data.put("plannedEnd", "yesterday");

        List<FieldError> errors = validator.validate(form, data, ZH, SHANGHAI);

        assertThat(errors).extracting(FieldError::path).containsExactly("$.plannedEnd");
        assertThat(errors.getFirst().message()).startsWith("“计划结束”的值“yesterday”不是带时区的有效日期时间");
    }

    @Test
    void rulesReadTypedValuesAndNow() {
        ScriptedExpressionCompiler recording = new ScriptedExpressionCompiler()
                .define("plannedEnd <= plannedStart", variables -> {
                    assertThat(variables.get("now"))
                            .isEqualTo(OffsetDateTime.parse("2026-03-05T08:30:00+08:00"));
                    assertThat(variables.get("plannedStart"))
                            .isEqualTo(OffsetDateTime.parse("2026-03-05T09:00:00+08:00"));
                    assertThat(variables.get("pumpCount")).isEqualTo(3L);
                    assertThat(variables.get("readings")).isEqualTo(
                            List.of(Map.of("point", "出口", "value", new java.math.BigDecimal("1.2"))));
                    assertThat(variables.containsKey("serial")).isTrue();
                    return false;
                })
                .define("shift == 'night' && pumpCount > 4", variables -> false);
        FormValidator recordingValidator = new FormValidator(recording,
                Clock.fixed(Instant.parse("2026-03-05T00:30:00Z"), ZoneOffset.UTC));

        List<FieldError> errors = recordingValidator.validate(form, validData(), ZH, SHANGHAI);

        assertThat(errors).isEmpty();
    }

    @Test
    void rulesAreCompiledOncePerFormVersion() {
        validator.validate(form, validData(), ZH, SHANGHAI);
        validator.validate(form, validData(), EN, SHANGHAI);

        assertThat(compiler.compilations()).isEqualTo(2);
    }

    @Test
    void ruleReturningNoBooleanIsAFormFault() {
        ScriptedExpressionCompiler broken = new ScriptedExpressionCompiler()
                .define("plannedEnd <= plannedStart", variables -> false)
                .define("shift == 'night' && pumpCount > 4", variables -> variables.get("pumpCount"));
        FormValidator brokenValidator = new FormValidator(broken, Clock.systemUTC());

        FormRuleException error = catchThrowableOfType(FormRuleException.class,
                () -> brokenValidator.validate(form, validData(), ZH, SHANGHAI));

        assertThat(error.ruleId()).isEqualTo("night-pumps");
        assertThat(error.message(ZH)).isEqualTo("表单 form:equipment-inspection@1 的规则“night-pumps”无法执行："
                + "规则表达式“shift == 'night' && pumpCount > 4”应返回是/否，实际返回“3”；请改写为比较或逻辑表达式；"
                + "请联系表单管理员修正该规则");
    }

    @Test
    void ruleUnknownToTheCompilerIsAFormFault() {
        FormValidator strictValidator = new FormValidator(new ScriptedExpressionCompiler(), Clock.systemUTC());

        FormRuleException error = catchThrowableOfType(FormRuleException.class,
                () -> strictValidator.validate(form, validData(), ZH, SHANGHAI));

        assertThat(error.ruleId()).isEqualTo("plan-order");
        assertThat(error.formReference()).isEqualTo("form:equipment-inspection@1");
    }

    private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
        return change;
    }

    private static boolean endNotAfterStart(Map<String, ?> variables) {
        return variables.get("plannedEnd") instanceof OffsetDateTime end
                && variables.get("plannedStart") instanceof OffsetDateTime start
                && !end.isAfter(start);
    }

    private static ObjectNode validData() {
        return FormFixtures.json("""
                {
                  "inspector": "zhangsan",
                  "checkedAt": "2026-03-05T08:30:00+08:00",
                  "checkDay": "2026-03-05",
                  "shift": "day",
                  "pumpCount": 3,
                  "loadRatio": 0.6,
                  "tagCode": "PT-101",
                  "serial": "S123",
                  "declaration": "已按规程点检",
                  "running": true,
                  "readings": [{"point": "出口", "value": 1.2}],
                  "handover": {"receiver": "lisi", "note": "无异常"},
                  "plannedStart": "2026-03-05T09:00:00+08:00",
                  "plannedEnd": "2026-03-05T17:00:00+08:00"
                }""");
    }
}

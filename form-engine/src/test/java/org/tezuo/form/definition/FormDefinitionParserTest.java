package org.tezuo.form.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.form.FormFixtures;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.InvalidMetadataException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FormDefinitionParserTest {

    private static final String INSPECTION = "/org/tezuo/form/equipment-inspection.json";

    private final FormDefinitionParser parser = new FormDefinitionParser();

    @Test
    void parsesFieldsWithLabelsAndWidgets() {
        ObjectNode body = FormFixtures.read(INSPECTION);

        FormDefinition form = parser.parse("equipment-inspection", 3, body);

        assertThat(form.reference()).isEqualTo("form:equipment-inspection@3");
        assertThat(form.checksum()).isEqualTo(DocumentChecksum.of(body));
        assertThat(form.title()).isEqualTo(new Label("设备点检表", "Equipment inspection"));
        assertThat(form.fields()).extracting(FormField::name).containsExactly("inspector", "checkedAt", "checkDay",
                "shift", "pumpCount", "loadRatio", "tagCode", "serial", "declaration", "running", "readings",
                "handover", "plannedStart", "plannedEnd");
        assertThat(form.fields()).extracting(FormField::widget).containsExactly(FieldWidget.PERSON,
                FieldWidget.DATETIME, FieldWidget.DATE, FieldWidget.SELECT, FieldWidget.NUMBER, FieldWidget.NUMBER,
                FieldWidget.TEXT, FieldWidget.TEXT, FieldWidget.TEXT, FieldWidget.CHECKBOX, FieldWidget.TABLE,
                FieldWidget.GROUP, FieldWidget.DATETIME, FieldWidget.DATETIME);
        assertThat(form.field("inspector").orElseThrow().required()).isTrue();
        assertThat(form.field("pumpCount").orElseThrow().required()).isFalse();
        assertThat(form.field("pumpCount").orElseThrow().type()).isEqualTo(FieldType.INTEGER);
        assertThat(form.field("checkedAt").orElseThrow().format()).isEqualTo("date-time");
        assertThat(form.field("tagCode").orElseThrow().patternHint())
                .isEqualTo(new Label("两个大写字母、短横线和三位数字，例如 PT-101",
                        "two capital letters, a hyphen and three digits, for example PT-101"));
    }

    @Test
    void parsesOptionsRowsAndGroups() {
        FormDefinition form = parser.parse("equipment-inspection", 1, FormFixtures.read(INSPECTION));

        FormField shift = form.field("shift").orElseThrow();
        assertThat(shift.options()).containsExactly(
                new FieldOption("day", new Label("白班", "Day shift")),
                new FieldOption("night", new Label("夜班", "Night shift")));
        assertThat(shift.option("night").orElseThrow().label().text(Locale.ENGLISH)).isEqualTo("Night shift");
        FormField readings = form.field("readings").orElseThrow();
        assertThat(readings.children()).extracting(FormField::name).containsExactly("point", "value");
        assertThat(readings.child("value").orElseThrow().required()).isTrue();
        assertThat(form.fieldAt("handover.note").orElseThrow().widget()).isEqualTo(FieldWidget.TEXTAREA);
        assertThat(form.fieldAt("handover.missing")).isEmpty();
    }

    @Test
    void parsesSectionsBindingsAndRules() {
        FormDefinition form = parser.parse("equipment-inspection", 1, FormFixtures.read(INSPECTION));

        assertThat(form.sections()).extracting(FormSection::columns).containsExactly(2, 1);
        assertThat(form.sections().get(1).title().text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("读数与交接");
        assertThat(form.sections().get(1).fields()).extracting(FormField::name).containsExactly("readings", "handover");
        assertThat(form.binding("receiver")).hasValue("handover.receiver");
        assertThat(form.rules()).extracting(FormRule::id).containsExactly("plan-order", "night-pumps");
        assertThat(form.rules().get(0).path()).isEqualTo("plannedEnd");
        assertThat(form.rules().get(1).path()).isNull();
        assertThat(form.rules().get(1).fieldNames()).containsExactlyInAnyOrder("shift", "pumpCount");
    }

    @Test
    void ruleFieldNamesIgnoreStringLiterals() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        ((ObjectNode) body.withArray("rules").get(1)).put("when", "shift == 'pumpCount'");

        FormDefinition form = parser.parse("equipment-inspection", 1, body);

        assertThat(form.rules().get(1).fieldNames()).containsExactly("shift");
    }

    @Test
    void dataSchemaCannotBeChangedThroughTheRecord() {
        FormDefinition form = parser.parse("equipment-inspection", 1, FormFixtures.read(INSPECTION));

        ((ObjectNode) form.dataSchema()).put("type", "array");

        assertThat(form.dataSchema().get("type").asString()).isEqualTo("object");
    }

    @Test
    void layoutFieldMissingFromSchemaIsRejected() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        sectionFields(body, 1).add("readingz");

        InvalidFormDefinitionException error = catchThrowableOfType(InvalidFormDefinitionException.class,
                () -> parser.parse("equipment-inspection", 2, body));

        assertThat(error.reference()).isEqualTo("form:equipment-inspection@2");
        assertThat(error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("""
                表单 form:equipment-inspection@2 有 1 处定义错误：
                布局分区“读数与交接”中的字段“readingz”在 schema.properties 中不存在；请在数据模式中定义该属性，\
                或从布局中删除它""");
        assertThat(error.message(Locale.ENGLISH)).isEqualTo("""
                Form form:equipment-inspection@2 has 1 definition error(s):
                Layout section "读数与交接" lists the field "readingz", which schema.properties does not define; \
                define the property in the data schema or remove it from the layout""");
    }

    @Test
    void fieldInTwoSectionsIsRejected() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        sectionFields(body, 1).add("shift");

        InvalidFormDefinitionException error = catchThrowableOfType(InvalidFormDefinitionException.class,
                () -> parser.parse("equipment-inspection", 1, body));

        assertThat(problemMessages(error)).containsExactly(
                "字段“shift”在布局中出现了两次（分区“基本信息”和“读数与交接”）；请只在一个分区中保留它");
    }

    @Test
    void everyReferenceProblemIsReportedAtOnce() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        body.withObject("bindings").put("guardian", "handover.guard");
        ObjectNode firstRule = (ObjectNode) body.withArray("rules").get(0);
        firstRule.put("path", "plannedFinish");
        ((ObjectNode) body.withArray("rules").get(1)).put("id", "plan-order");
        ((ArrayNode) body.withObject("schema").withArray("required")).add("supervisor");

        InvalidFormDefinitionException error = catchThrowableOfType(InvalidFormDefinitionException.class,
                () -> parser.parse("equipment-inspection", 1, body));

        assertThat(problemMessages(error)).containsExactly(
                "required 中列出的“supervisor”不是已定义的属性；请在 properties 中定义它，或从 required 中删除",
                "规则“plan-order”的提示位置“plannedFinish”在数据模式中不存在；请改为已定义的字段路径",
                "规则编号“plan-order”重复；请为每条规则使用不同的编号",
                "角色“guardian”绑定的数据路径“handover.guard”在数据模式中不存在；请改为已定义的字段路径，"
                        + "例如“workers”或“briefing.givenBy”");
    }

    @Test
    void mismatchedWidgetIsRejected() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        body.withObject("schema").withObject("properties").withObject("running").put("x-widget", "datetime");

        InvalidFormDefinitionException error = catchThrowableOfType(InvalidFormDefinitionException.class,
                () -> parser.parse("equipment-inspection", 1, body));

        assertThat(error.problems()).containsExactly(new FormDefinitionProblem(
                "/schema/properties/running/x-widget", "form.widget.mismatch",
                List.of("running", "datetime", "boolean", "checkbox")));
        assertThat(problemMessages(error)).containsExactly(
                "字段“running”的控件“datetime”不能用于 boolean 类型的值；请改用“checkbox”或修改字段类型");
    }

    @Test
    void nestedRequiredNameIsReportedWithItsPath() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        ObjectNode items = body.withObject("schema").withObject("properties").withObject("readings")
                .withObject("items");
        items.withArray("required").add("unit");

        InvalidFormDefinitionException error = catchThrowableOfType(InvalidFormDefinitionException.class,
                () -> parser.parse("equipment-inspection", 1, body));

        assertThat(problemMessages(error)).containsExactly(
                "required 中列出的“readings.unit”不是已定义的属性；请在 properties 中定义它，或从 required 中删除");
    }

    @Test
    void propertyWithoutLabelBreaksTheMetaSchema() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        body.withObject("schema").withObject("properties").withObject("readings").withObject("items")
                .withObject("properties").withObject("point").remove("x-label");

        InvalidMetadataException error = catchThrowableOfType(InvalidMetadataException.class,
                () -> parser.parse("equipment-inspection", 1, body));

        assertThat(error.reference()).isEqualTo("form:equipment-inspection@1");
        assertThat(error.violations()).hasSize(1);
        assertThat(error.violations().getFirst().path()).isEqualTo("/schema/properties/readings/items/properties/point");
    }

    @Test
    void unknownWidgetBreaksTheMetaSchema() {
        ObjectNode body = FormFixtures.read(INSPECTION);
        body.withObject("schema").withObject("properties").withObject("serial").put("x-widget", "barcode");

        InvalidMetadataException error = catchThrowableOfType(InvalidMetadataException.class,
                () -> parser.parse("equipment-inspection", 1, body));

        assertThat(error.violations()).extracting(violation -> violation.path())
                .containsExactly("/schema/properties/serial/x-widget");
    }

    private static ArrayNode sectionFields(ObjectNode body, int section) {
        return (ArrayNode) body.get("layout").get("sections").get(section).get("fields");
    }

    private static List<String> problemMessages(InvalidFormDefinitionException error) {
        return error.problems().stream().map(problem -> problem.message(Locale.SIMPLIFIED_CHINESE)).toList();
    }
}

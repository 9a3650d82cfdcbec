package org.tezuo.form.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.FormFixtures;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest
class FormDocumentCheckTest {

    private static final String FORM = "/org/tezuo/form/confined-space-entry.json";

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    FormDocumentCheck check;

    @Autowired
    FormDefinitionParser parser;

    private long newTenant() {
        return tenants.create("f-" + UUID.randomUUID(), "测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    private static ObjectNode property(ObjectNode body, String name) {
        return body.withObject("schema").withObject("properties").withObject(name);
    }

    private List<MetaSchemaViolation> violations(ObjectNode body, Locale locale) {
        return store.validate(store.candidate(1, MetadataKind.FORM, "confined-space-entry", body, "admin"), locale);
    }

    @Test
    void validFormIsSavedAndPublished() {
        long tenant = newTenant();

        MetadataDocument published = store.saveAndPublish(tenant, MetadataKind.FORM, "confined-space-entry",
                FormFixtures.read(FORM), "admin");

        assertThat(published.version()).isEqualTo(1);
    }

    @Test
    void uncompilableConditionRejectedAtSave() {
        long tenant = newTenant();
        ObjectNode body = FormFixtures.read(FORM);
        property(body, "gasTests").put("x-visibleWhen", "explosiveArea ==");

        LocalizedException error = catchThrowableOfType(LocalizedException.class,
                () -> store.saveDraft(tenant, MetadataKind.FORM, "confined-space-entry", body, "admin"));

        assertThat(error.message(Locale.SIMPLIFIED_CHINESE))
                .contains("/schema/properties/gasTests/x-visibleWhen")
                .contains("“gasTests”的显示条件“explosiveArea ==”不是有效的规则表达式");
        assertThat(store.history(tenant, MetadataKind.FORM, "confined-space-entry")).isEmpty();
    }

    @Test
    void unknownFieldInConditionRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        property(body, "gasTests").put("x-requiredWhen", "explosiveZone == true");

        List<MetaSchemaViolation> zh = violations(body, Locale.SIMPLIFIED_CHINESE);
        List<MetaSchemaViolation> en = violations(body, Locale.ENGLISH);

        assertThat(zh).extracting(MetaSchemaViolation::path)
                .containsExactly("/schema/properties/gasTests/x-requiredWhen");
        assertThat(zh.getFirst().message()).isEqualTo(
                "“gasTests”的必填条件“explosiveZone == true”引用了未定义的字段“explosiveZone”；请改为已定义的字段，"
                        + "或先在数据模式中定义它。可用的变量：applicant, appliedAt, appliedOn, constants, currentOrgUnit, "
                        + "currentUser, durationHours, explosiveArea, gasTests, ignitionSource, location, now, "
                        + "overtime, permitCode, rescuePlan, today, unit, workEnd, workStart");
        assertThat(en.getFirst().message()).startsWith(
                "The required condition \"explosiveZone == true\" of \"gasTests\" reads the field \"explosiveZone\", "
                        + "which the form does not define");
    }

    @Test
    void unknownColumnAndRowOutsideTableAreRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        property(body, "gasTests").withObject("items").withObject("properties").withObject("oxygenNote")
                .put("x-visibleWhen", "row.gass == 'O2'");
        property(body, "rescuePlan").put("x-visibleWhen", "row.gas == 'O2'");
        property(body, "location").put("x-requiredWhen", "gasTests.gas == 'O2'");

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).extracting(MetaSchemaViolation::path).containsExactly(
                "/schema/properties/location/x-requiredWhen",
                "/schema/properties/gasTests/items/properties/oxygenNote/x-visibleWhen",
                "/schema/properties/rescuePlan/x-visibleWhen");
        assertThat(found.get(0).message()).contains("读取表格某一列，但表格有多行");
        assertThat(found.get(1).message()).contains("引用了未定义的字段“row.gass”");
        assertThat(found.get(2).message()).contains("row 只能用在表格列的表达式中");
    }

    @Test
    @DisplayName("An expression naming an undefined constant is rejected with the defined ones")
    void unknownConstantIsRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        body.putObject("constants").set("maxDurationHours", FormFixtures.json("""
                {"value": 8, "unit": "h", "source": "GB 30871-2022 6.10"}"""));
        property(body, "rescuePlan").put("x-requiredWhen", "durationHours > constants.maxHours");

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).extracting(MetaSchemaViolation::path)
                .containsExactly("/schema/properties/rescuePlan/x-requiredWhen");
        assertThat(found.getFirst().message()).isEqualTo("“rescuePlan”的必填条件“durationHours > constants.maxHours”"
                + "引用了未定义的常量“constants.maxHours”；请写成 constants.常量名，并在表单的 constants 中定义它。"
                + "已定义的常量：maxDurationHours");
    }

    @Test
    @DisplayName("A defined constant passes the check")
    void definedConstantPasses() {
        ObjectNode body = FormFixtures.read(FORM);
        body.putObject("constants").set("maxDurationHours", FormFixtures.json("""
                {"value": 8, "unit": "h", "source": "GB 30871-2022 6.10"}"""));
        property(body, "rescuePlan").put("x-requiredWhen", "durationHours > constants.maxDurationHours");

        assertThat(violations(body, Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    @Test
    void computedCycleIsRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        property(body, "durationHours").put("x-computed", "overtime ? 9 : 1");

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).extracting(MetaSchemaViolation::path)
                .containsExactly("/schema/properties/durationHours/x-computed");
        assertThat(found.getFirst().message()).isEqualTo(
                "计算字段互相引用，形成循环：durationHours → overtime → durationHours；请删除其中一个引用，使每个计算字段只依赖先算出的字段");
    }

    @Test
    void invalidDataSchemaIsRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        body.withObject("schema").put("required", "location");

        List<MetaSchemaViolation> found = violations(body, Locale.ENGLISH);

        assertThat(found).extracting(MetaSchemaViolation::path).containsExactly("/schema/required");
        assertThat(found.getFirst().message()).startsWith("The data schema is not a valid JSON Schema 2020-12 at "
                + "/schema/required:");
    }

    @Test
    void unknownWidgetAndTypeBreakTheMetaSchema() {
        ObjectNode body = FormFixtures.read(FORM);
        property(body, "location").put("x-widget", "barcode");
        property(body, "rescuePlan").put("type", "text");

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).extracting(MetaSchemaViolation::path).contains("/schema/properties/location/x-widget",
                "/schema/properties/rescuePlan/type");
    }

    @Test
    void unsuitableWidgetRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        property(body, "explosiveArea").put("x-widget", "photo");

        List<MetaSchemaViolation> found = violations(body, Locale.ENGLISH);

        assertThat(found).containsExactly(new MetaSchemaViolation("/schema/properties/explosiveArea/x-widget",
                "The field \"explosiveArea\" uses the widget \"photo\", which does not fit a value of type boolean; "
                        + "use \"checkbox\" or change the field type"));
    }

    @Test
    void fieldMissingFromLayoutIsRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        ((ArrayNode) body.get("layout").get("tabs").get(1).get("sections")).remove(1);

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).containsExactly(new MetaSchemaViolation("/schema/properties/rescuePlan",
                "字段“rescuePlan”没有出现在布局中；请把它加入一个分区的 fields 列表，否则用户无法填写"));
    }

    @Test
    void fieldInTwoSectionsIsRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        ((ArrayNode) body.get("layout").get("tabs").get(1).get("sections").get(1).get("fields")).add("location");

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).extracting(MetaSchemaViolation::path).containsExactly("/layout/tabs/1/sections/1/fields/1");
    }

    @Test
    void duplicateLayoutIdIsRejected() {
        ObjectNode body = FormFixtures.read(FORM);
        ((ObjectNode) body.get("layout").get("tabs").get(1).get("sections").get(0)).put("id", "work");

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).containsExactly(new MetaSchemaViolation("/layout/tabs/1/sections/0/id",
                "布局中的编号“work”被两个标签页或分区使用；请为每个标签页和分区使用不同的编号"));
    }

    @Test
    void defaultExpressionMayNotReadFields() {
        ObjectNode body = FormFixtures.read(FORM);
        property(body, "permitCode").put("x-default", "location + '-1'");

        List<MetaSchemaViolation> found = violations(body, Locale.SIMPLIFIED_CHINESE);

        assertThat(found).extracting(MetaSchemaViolation::path)
                .containsExactly("/schema/properties/permitCode/x-default");
    }

    @Test
    void checkConditionAnswersAsTheDesignerTypes() {
        FormDefinition form = parser.parse("confined-space-entry", 1, FormFixtures.read(FORM));

        assertThat(check.checkCondition("explosiveArea == true && location != ''", form, Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        assertThat(check.checkCondition("row.gas == 'O2'", form, "gasTests.oxygenNote", Locale.ENGLISH)).isEmpty();
        assertThat(check.checkCondition("explosiveArea = true", form, Locale.ENGLISH)).singleElement()
                .asString().contains("is an assignment");
        assertThat(check.checkCondition("gasTest.value > 10", form, Locale.SIMPLIFIED_CHINESE)).singleElement()
                .asString().contains("引用了未定义的字段“gasTest.value”");
    }
}

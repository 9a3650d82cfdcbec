package org.tezuo.core.metadata.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DocumentDifferTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FORM = """
            {
              "title": {"zh": "动火安全作业票", "en": "Hot-work permit"},
              "schema": {
                "type": "object",
                "required": ["location", "grade"],
                "properties": {
                  "location": {"type": "string", "maxLength": 200,
                               "x-label": {"zh": "动火地点", "en": "Location"}},
                  "grade": {"type": "string", "enum": ["特级", "一级", "二级"],
                            "x-label": {"zh": "动火级别", "en": "Grade"}},
                  "method": {"type": "string", "x-label": {"zh": "动火方式", "en": "Method"}},
                  "workers": {
                    "type": "array", "x-widget": "table", "x-label": {"zh": "动火人", "en": "Operators"},
                    "items": {
                      "type": "object", "required": ["name"],
                      "properties": {
                        "name": {"type": "string", "x-label": {"zh": "姓名", "en": "Name"}},
                        "certNumber": {"type": "string", "x-label": {"zh": "证书编号", "en": "Certificate number"}}
                      }
                    }
                  }
                }
              },
              "layout": {"sections": [
                {"title": {"zh": "动火作业", "en": "Hot work"}, "fields": ["location", "grade", "method"]},
                {"title": {"zh": "动火人", "en": "Operators"}, "fields": ["workers"]}
              ]},
              "rules": [{"id": "grade-needs-method", "when": "grade == '特级' && method == null",
                         "message": {"zh": "特级动火须填写动火方式"}}]
            }""";

    private final ObjectNode before = (ObjectNode) JSON.readTree(FORM);

    @Test
    void equalBodiesHaveNoChanges() {
        assertThat(DocumentDiffer.compare(MetadataKind.FORM, before, before.deepCopy())).isEmpty();
    }

    @Test
    void labelChangeNamesOldAndNewLabel() {
        ObjectNode after = before.deepCopy();
        field(after, "location").putObject("x-label").put("zh", "动火地点及部位").put("en", "Location and part");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.CHANGED);
            assertThat(change.path()).isEqualTo("location");
            assertThat(change.aspect()).isEqualTo("x-label");
            assertThat(change.description(Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("字段“动火地点及部位”（location）的标签由“动火地点”改为“动火地点及部位”");
            assertThat(change.description(Locale.ENGLISH))
                    .isEqualTo("Label of field \"Location and part\" (location) changed from \"Location\" to "
                            + "\"Location and part\"");
        });
    }

    @Test
    void addedRequiredFieldIsDescribedAsRequired() {
        ObjectNode after = before.deepCopy();
        ObjectNode guardian = properties(after).putObject("guardian");
        guardian.put("type", "string");
        guardian.putObject("x-label").put("zh", "监护人").put("en", "Guardian");
        ((ArrayNode) after.path("schema").path("required")).add("guardian");
        ((ArrayNode) after.path("layout").path("sections").get(0).path("fields")).add("guardian");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.ADDED);
            assertThat(change.path()).isEqualTo("guardian");
            assertThat(change.description(Locale.SIMPLIFIED_CHINESE)).isEqualTo("新增必填字段“监护人”（guardian）");
            assertThat(change.description(Locale.ENGLISH)).isEqualTo("Added required field \"Guardian\" (guardian)");
        });
    }

    @Test
    void fieldBecomingRequiredIsOneChange() {
        ObjectNode after = before.deepCopy();
        ((ArrayNode) after.path("schema").path("required")).add("method");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).extracting(change -> change.description(Locale.SIMPLIFIED_CHINESE))
                .containsExactly("字段“动火方式”（method）改为必填");
    }

    @Test
    void removedEnumOptionIsNamed() {
        ObjectNode after = before.deepCopy();
        ArrayNode options = field(after, "grade").putArray("enum");
        options.add("一级").add("二级");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.REMOVED);
            assertThat(change.aspect()).isEqualTo("enum");
            assertThat(change.before()).isEqualTo(JSON.readTree("\"特级\""));
            assertThat(change.description(Locale.SIMPLIFIED_CHINESE)).isEqualTo("字段“动火级别”（grade）删除选项“特级”");
            assertThat(change.description(Locale.ENGLISH)).isEqualTo("Field \"Grade\" (grade) lost the option \"特级\"");
        });
    }

    @Test
    void fieldMovedToAnotherSectionIsOneMove() {
        ObjectNode after = before.deepCopy();
        ArrayNode sections = (ArrayNode) after.path("layout").path("sections");
        ((ArrayNode) sections.get(0).path("fields")).remove(2);
        ((ArrayNode) sections.get(1).path("fields")).add("method");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.MOVED);
            assertThat(change.path()).isEqualTo("method");
            assertThat(change.description(Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("字段“动火方式”（method）由分区“动火作业”移到分区“动火人”");
            assertThat(change.description(Locale.ENGLISH))
                    .isEqualTo("Field \"Method\" (method) moved from section \"Hot work\" to section \"Operators\"");
        });
    }

    @Test
    void sectionAddedAndRemovedAreListed() {
        ObjectNode after = before.deepCopy();
        ObjectNode section = (ObjectNode) after.path("layout").path("sections").get(1).deepCopy();
        ((ObjectNode) section.path("title")).put("zh", "作业人员").put("en", "Workers");
        ((ArrayNode) after.path("layout").path("sections")).set(1, section);

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).extracting(change -> change.description(Locale.SIMPLIFIED_CHINESE))
                .containsExactly("删除分区“动火人”", "新增分区“作业人员”", "字段“动火人”（workers）由分区“动火人”移到分区“作业人员”");
    }

    @Test
    void nestedTableColumnChangesUseDottedPath() {
        ObjectNode after = before.deepCopy();
        ObjectNode columns = (ObjectNode) field(after, "workers").path("items").path("properties");
        ((ObjectNode) columns.path("certNumber")).put("maxLength", 32);
        columns.remove("name");
        ObjectNode idNumber = columns.putObject("idNumber");
        idNumber.put("type", "string");
        idNumber.putObject("x-label").put("zh", "身份证号").put("en", "ID number");
        ((ArrayNode) field(after, "workers").path("items").path("required")).add("idNumber");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).extracting(MetadataChange::type, MetadataChange::path, MetadataChange::aspect)
                .containsExactly(
                        tuple(ChangeType.REMOVED, "workers.name", ""),
                        tuple(ChangeType.CHANGED, "workers.certNumber", "maxLength"),
                        tuple(ChangeType.ADDED, "workers.idNumber", ""));
        assertThat(changes.get(1).description(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("字段“证书编号”（workers.certNumber）的最大长度由 无 改为 32");
        assertThat(changes.get(2).description(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("新增必填字段“身份证号”（workers.idNumber）");
    }

    @Test
    void widgetAndConditionChangesAreNamed() {
        ObjectNode after = before.deepCopy();
        field(after, "method").put("x-widget", "select");
        ObjectNode workers = field(after, "workers");
        ObjectNode items = (ObjectNode) workers.path("items");
        items.set("if", JSON.readTree("{\"required\": [\"certNumber\"]}"));

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).extracting(change -> change.description(Locale.ENGLISH)).containsExactly(
                "Widget of field \"Method\" (method) changed from none to select",
                "Condition items.if of field \"Operators\" (workers) changed from none to {\"required\":[\"certNumber\"]}");
    }

    @Test
    void formRuleChangeIsListedById() {
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.path("rules").get(0)).put("when", "grade == '特级' && method == ''");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.FORM, before, after);

        assertThat(changes).singleElement().satisfies(change -> assertThat(change.path())
                .isEqualTo("grade-needs-method"));
    }

    private static final String RULESET = """
            {"name": {"zh": "风力规则"}, "variables": ["level", "gust"],
             "thresholds": {"maxLevel": {"value": 5, "unit": "级", "source": "GB 30871-2022 5.2.15"}},
             "rules": [
               {"id": "wind.level", "severity": "block", "when": "level > thresholds.maxLevel",
                "message": {"zh": "风力 {value} 级超过 {limit} 级", "en": "Wind level {value} is above {limit}"},
                "source": "GB 30871-2022 5.2.15"},
               {"id": "wind.gust", "severity": "confirm", "when": "gust > 10.8",
                "message": {"zh": "阵风 {value} m/s 已达 6 级风下限，吊装与高处作业须由现场负责人再次确认是否继续"},
                "source": "GB/T 28591-2012"}],
             "lifecycleRules": [
               {"id": "special-operation.order-30", "certificateClass": "special-operation",
                "regulation": "原安监总局令第30号", "label": {"zh": "特种作业操作证", "en": "Special operation certificate"},
                "validityYears": {"value": 6}, "reviewIntervalYears": {"value": 3},
                "lateReviewInvalidates": {"value": true}}]}""";

    private final ObjectNode ruleset = (ObjectNode) JSON.readTree(RULESET);

    @Test
    void addedRulesetRuleNamedById() {
        ObjectNode after = ruleset.deepCopy();
        ((ArrayNode) after.path("rules")).insert(1, JSON.readTree("""
                {"id": "wind.rain", "severity": "confirm", "when": "raining",
                 "message": {"zh": "雨天室外动火须采取防雨措施", "en": "Outdoor hot work in rain needs a cover"},
                 "source": "GB 30871-2022 5.2.14"}"""));

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.RULESET, ruleset, after);

        assertThat(changes).extracting(MetadataChange::type, MetadataChange::path)
                .containsExactly(tuple(ChangeType.ADDED, "wind.rain"));
        assertThat(changes.getFirst().description(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("新增规则 wind.rain（雨天室外动火须采取防雨措施）");
        assertThat(changes.getFirst().description(Locale.ENGLISH))
                .isEqualTo("Added rule wind.rain (Outdoor hot work in rain needs a cover)");
    }

    @Test
    void removedRulesetRuleNamedById() {
        ObjectNode after = ruleset.deepCopy();
        ((ArrayNode) after.path("rules")).remove(1);

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.RULESET, ruleset, after);

        assertThat(changes).extracting(MetadataChange::type, MetadataChange::path)
                .containsExactly(tuple(ChangeType.REMOVED, "wind.gust"));
        assertThat(changes.getFirst().description(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("删除规则 wind.gust（阵风 {value} m/s 已达 6 级风下限，吊装与高处作业须由现场负责人再…）");
        assertThat(changes.getFirst().description(Locale.ENGLISH))
                .isEqualTo("Removed rule wind.gust (阵风 {value} m/s 已达 6 级风下限，吊装与高处作业须由现场负责人再…)");
    }

    @Test
    void changedRulesetRuleNamesMember() {
        ObjectNode after = ruleset.deepCopy();
        ((ObjectNode) after.path("rules").get(0)).put("when", "level >= thresholds.maxLevel");
        ((ObjectNode) after.path("lifecycleRules").get(0)).putObject("validityYears").put("value", 5);
        ((ObjectNode) after.path("thresholds").path("maxLevel")).put("value", 4);

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.RULESET, ruleset, after);

        assertThat(changes).extracting(MetadataChange::type, MetadataChange::path, MetadataChange::aspect)
                .containsExactly(tuple(ChangeType.CHANGED, "wind.level", "when"),
                        tuple(ChangeType.CHANGED, "special-operation.order-30", "validityYears"),
                        tuple(ChangeType.CHANGED, "/thresholds/maxLevel/value", ""));
        assertThat(changes).extracting(change -> change.description(Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "规则 wind.level（风力 {value} 级超过 {limit} 级） 的 条件 由 level > thresholds.maxLevel 改为 "
                        + "level >= thresholds.maxLevel",
                "证书周期规则 special-operation.order-30（特种作业操作证） 的 validityYears 由 {\"value\":6} 改为 "
                        + "{\"value\":5}",
                "/thresholds/maxLevel/value 由 5 改为 4");
        assertThat(changes.getFirst().description(Locale.ENGLISH)).isEqualTo("Condition of rule wind.level "
                + "(Wind level {value} is above {limit}) changed from level > thresholds.maxLevel to "
                + "level >= thresholds.maxLevel");
    }

    @Test
    void reorderedRulesetRulesStillShow() {
        ObjectNode after = ruleset.deepCopy();
        JsonNode first = after.path("rules").get(0);
        ((ArrayNode) after.path("rules")).remove(0);
        ((ArrayNode) after.path("rules")).add(first);

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.RULESET, ruleset, after);

        assertThat(changes).isNotEmpty().allSatisfy(change -> assertThat(change.path()).startsWith("/rules/"));
    }

    @Test
    void entityFieldsAreComparedByName() {
        JsonNode entityBefore = JSON.readTree("""
                {"name": "person_certificate", "label": {"zh": "持证台账"},
                 "fields": [
                   {"name": "name", "type": "text", "label": {"zh": "姓名", "en": "Name"}, "required": true},
                   {"name": "gender", "type": "enum", "label": {"zh": "性别", "en": "Gender"}, "values": ["男", "女"]}
                 ]}""");
        JsonNode entityAfter = JSON.readTree("""
                {"name": "person_certificate", "label": {"zh": "持证台账"},
                 "fields": [
                   {"name": "gender", "type": "enum", "label": {"zh": "性别", "en": "Gender"}, "values": ["男"]},
                   {"name": "name", "type": "text", "label": {"zh": "姓名", "en": "Name"}},
                   {"name": "phone", "type": "text", "label": {"zh": "电话", "en": "Phone"}, "required": true}
                 ]}""");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.ENTITY, entityBefore, entityAfter);

        assertThat(changes).extracting(change -> change.description(Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "字段“姓名”（name）改为选填",
                "字段“性别”（gender）删除选项“女”",
                "新增必填字段“电话”（phone）");
    }

    @Test
    void otherKindsAreComparedByJsonPointer() {
        JsonNode scheduleBefore = JSON.readTree("""
                {"job": "certificate-verification", "cron": "0 0 2 * * *", "zone": "Asia/Shanghai"}""");
        JsonNode scheduleAfter = JSON.readTree("""
                {"job": "certificate-verification", "cron": "0 30 1 * * *", "enabled": true}""");

        List<MetadataChange> changes = DocumentDiffer.compare(MetadataKind.SCHEDULE, scheduleBefore, scheduleAfter);

        assertThat(changes).extracting(MetadataChange::type, MetadataChange::path).containsExactly(
                tuple(ChangeType.CHANGED, "/cron"),
                tuple(ChangeType.REMOVED, "/zone"),
                tuple(ChangeType.ADDED, "/enabled"));
        assertThat(changes.getFirst().description(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("/cron 由 0 0 2 * * * 改为 0 30 1 * * *");
        assertThat(changes.get(1).description(Locale.ENGLISH)).isEqualTo("Removed /zone (was Asia/Shanghai)");
    }

    private static ObjectNode properties(ObjectNode form) {
        return (ObjectNode) form.path("schema").path("properties");
    }

    private static ObjectNode field(ObjectNode form, String name) {
        return (ObjectNode) properties(form).path(name);
    }
}

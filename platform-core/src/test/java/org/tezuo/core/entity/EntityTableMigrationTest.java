package org.tezuo.core.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class EntityTableMigrationTest {

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private long newTenant() {
        return tenants.create("t-" + UUID.randomUUID(), "测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    private MetadataDocument publish(long tenant, String key, String body) {
        return store.saveAndPublish(tenant, MetadataKind.ENTITY, key, json.readTree(body), "admin");
    }

    private static String entity(String name, String fields) {
        return """
                {"name": "%s", "label": {"zh": "测试", "en": "Test"}, "storage": "records", "fields": [%s]}"""
                .formatted(name, fields);
    }

    private Map<String, String> columns(long tenant, String table) {
        Map<String, String> columns = new java.util.TreeMap<>();
        jdbc.sql("""
                select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
                from information_schema.columns where table_schema = ? and table_name = ?""")
                .params(EntityNaming.schemaOf(tenant), table)
                .query(rs -> {
                    String type = rs.getString("data_type");
                    if (rs.getObject("character_maximum_length") != null) {
                        type += "(" + rs.getInt("character_maximum_length") + ")";
                    }
                    if ("numeric".equals(type)) {
                        type += "(" + rs.getInt("numeric_precision") + "," + rs.getInt("numeric_scale") + ")";
                    }
                    columns.put(rs.getString("column_name"), type);
                });
        return columns;
    }

    private void insert(long tenant, String table, String column, Object value) {
        jdbc.sql("insert into \"" + EntityNaming.schemaOf(tenant) + "\".\"" + table + "\" (\"entity_version\", "
                        + "\"created_at\", \"created_by\", \"updated_at\", \"updated_by\", \"row_version\", \""
                        + column + "\") values (1, now(), 'test', now(), 'test', 1, ?)")
                .param(value).update();
    }

    private long changelogRows(long tenant, String entity) {
        return jdbc.sql("select count(*) from databasechangelog where id like ?")
                .param(EntityNaming.schemaOf(tenant) + "/" + entity + "@%").query(Long.class).single();
    }

    @Test
    void firstPublishCreatesTable() {
        long tenant = newTenant();

        publish(tenant, "work-log", entity("work_log", """
                {"name": "title", "type": "text", "label": {"zh": "标题"}, "required": true, "maxLength": 80},
                {"name": "amount", "type": "decimal", "label": {"zh": "数量"}, "unit": "kg"},
                {"name": "location", "type": "geoPoint", "label": {"zh": "位置"}},
                {"name": "lines", "type": "table", "label": {"zh": "明细"},
                 "columns": [{"name": "itemName", "type": "text", "label": {"zh": "名称"}}]}"""));

        Map<String, String> columns = columns(tenant, "work_log");
        assertThat(columns.keySet()).containsAll(EntityNaming.SYSTEM_COLUMNS);
        assertThat(columns).containsEntry("title", "character varying(80)")
                .containsEntry("amount", "numeric(18,4)")
                .containsEntry("location_lat", "double precision")
                .containsEntry("location_lon", "double precision");
        assertThat(columns(tenant, "work_log__lines")).containsKeys("parent_id", "row_no", "item_name");
        assertThat(changelogRows(tenant, "work_log")).isPositive();
    }

    @Test
    void secondVersionKeepsData() {
        long tenant = newTenant();
        publish(tenant, "work-log", entity("work_log", """
                {"name": "title", "type": "text", "label": {"zh": "标题"}},
                {"name": "hours", "type": "integer", "label": {"zh": "工时"}}"""));
        insert(tenant, "work_log", "title", "巡检");
        jdbc.sql("update \"" + EntityNaming.schemaOf(tenant) + "\".\"work_log\" set \"hours\" = 7").update();

        publish(tenant, "work-log", entity("work_log", """
                {"name": "heading", "type": "text", "label": {"zh": "标题"}, "renamedFrom": "title"},
                {"name": "hours", "type": "decimal", "label": {"zh": "工时"}, "scale": 2},
                {"name": "remark", "type": "longText", "label": {"zh": "备注"}}"""));

        Map<String, String> columns = columns(tenant, "work_log");
        assertThat(columns).containsEntry("hours", "numeric(18,2)").containsEntry("remark", "text")
                .containsKey("heading").doesNotContainKey("title");
        Map<String, Object> row = jdbc.sql("select * from \"" + EntityNaming.schemaOf(tenant) + "\".\"work_log\"")
                .query().singleRow();
        assertThat(row.get("heading")).isEqualTo("巡检");
        assertThat(row.get("hours")).hasToString("7.00");
        assertThat(row.get("hours__v1")).isEqualTo(7L);
    }

    @Test
    void lossyTypeChangeIsRejected() {
        long tenant = newTenant();
        publish(tenant, "work-log", entity("work_log", """
                {"name": "code", "type": "text", "label": {"zh": "编号"}}"""));
        insert(tenant, "work_log", "code", "12");
        insert(tenant, "work_log", "code", "A-7");
        insert(tenant, "work_log", "code", "B-8");
        Map<String, String> before = columns(tenant, "work_log");
        long changelogBefore = changelogRows(tenant, "work_log");
        store.saveDraft(tenant, MetadataKind.ENTITY, "work-log", json.readTree(entity("work_log", """
                {"name": "code", "type": "integer", "label": {"zh": "编号"}},
                {"name": "extra", "type": "text", "label": {"zh": "附加"}}""")), "admin");

        assertThatThrownBy(() -> store.publish(tenant, MetadataKind.ENTITY, "work-log", "admin"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> {
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("code").contains("2 条记录")
                            .contains("A-7").contains("不是整数");
                    assertThat(e.message(Locale.ENGLISH)).contains("2 record(s)").contains("A-7")
                            .contains("is not an integer");
                });

        assertThat(store.history(tenant, MetadataKind.ENTITY, "work-log").getFirst().status())
                .isEqualTo(DocumentStatus.DRAFT);
        assertThat(columns(tenant, "work_log")).isEqualTo(before);
        assertThat(changelogRows(tenant, "work_log")).isEqualTo(changelogBefore);
    }

    @Test
    void roundingScaleReductionIsRejected() {
        long tenant = newTenant();
        publish(tenant, "reading", entity("reading", """
                {"name": "level", "type": "decimal", "label": {"zh": "读数"}, "scale": 3}"""));
        insert(tenant, "reading", "level", new java.math.BigDecimal("1.250"));
        insert(tenant, "reading", "level", new java.math.BigDecimal("1.257"));

        assertThatThrownBy(() -> publish(tenant, "reading", entity("reading", """
                {"name": "level", "type": "decimal", "label": {"zh": "读数"}, "scale": 2}""")))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .contains("1 record(s)").contains("1.257").contains("would be rounded"));
    }

    @Test
    void varcharShrinkIsRejected() {
        long tenant = newTenant();
        publish(tenant, "reading", entity("reading", """
                {"name": "note", "type": "text", "label": {"zh": "说明"}}"""));
        insert(tenant, "reading", "note", "一二三四五六");

        assertThatThrownBy(() -> publish(tenant, "reading", entity("reading", """
                {"name": "note", "type": "text", "label": {"zh": "说明"}, "maxLength": 5}""")))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .contains("note").contains("一二三四五六").contains("longer than the new maximum length"));
    }

    @Test
    void requiredFieldNeedsDefault() {
        long tenant = newTenant();
        publish(tenant, "reading", entity("reading", """
                {"name": "note", "type": "text", "label": {"zh": "说明"}}"""));
        insert(tenant, "reading", "note", "x");

        assertThatThrownBy(() -> publish(tenant, "reading", entity("reading", """
                {"name": "note", "type": "text", "label": {"zh": "说明"}},
                {"name": "site", "type": "text", "label": {"zh": "地点"}, "required": true}""")))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .contains("\"site\"").contains("1 record(s)"));

        publish(tenant, "reading", entity("reading", """
                {"name": "note", "type": "text", "label": {"zh": "说明"}},
                {"name": "site", "type": "text", "label": {"zh": "地点"}, "required": true, "default": "厂区"}"""));
        assertThat(jdbc.sql("select \"site\" from \"" + EntityNaming.schemaOf(tenant) + "\".\"reading\"")
                .query(String.class).single()).isEqualTo("厂区");
    }

    @Test
    void removedFieldIsRetired() {
        long tenant = newTenant();
        publish(tenant, "reading", entity("reading", """
                {"name": "note", "type": "text", "label": {"zh": "说明"}, "required": true},
                {"name": "site", "type": "text", "label": {"zh": "地点"}}"""));
        insert(tenant, "reading", "note", "旧说明");

        publish(tenant, "reading", entity("reading", """
                {"name": "site", "type": "text", "label": {"zh": "地点"}}"""));
        assertThat(columns(tenant, "reading")).containsKey("note");
        insert(tenant, "reading", "site", "no note needed");

        publish(tenant, "reading", entity("reading", """
                {"name": "site", "type": "text", "label": {"zh": "地点"}},
                {"name": "note", "type": "integer", "label": {"zh": "说明编号"}}"""));
        Map<String, String> columns = columns(tenant, "reading");
        assertThat(columns).containsEntry("note", "bigint").containsEntry("note__retired_v3", "character varying(500)");
        List<String> kept = jdbc.sql("select \"note__retired_v3\" from \"" + EntityNaming.schemaOf(tenant)
                + "\".\"reading\" where \"note__retired_v3\" is not null").query(String.class).list();
        assertThat(kept).containsExactly("旧说明");
    }

    @Test
    void failureAfterDdlRollsBack() {
        long tenant = newTenant();
        publish(tenant, "reading", entity("reading", """
                {"name": "code", "type": "text", "label": {"zh": "编号"}}"""));
        insert(tenant, "reading", "code", "R-1");
        insert(tenant, "reading", "code", "R-1");
        long changelogBefore = changelogRows(tenant, "reading");
        store.saveDraft(tenant, MetadataKind.ENTITY, "reading", json.readTree(entity("reading", """
                {"name": "code", "type": "text", "label": {"zh": "编号"}, "unique": true},
                {"name": "site", "type": "text", "label": {"zh": "地点"}}""")), "admin");

        assertThatThrownBy(() -> store.publish(tenant, MetadataKind.ENTITY, "reading", "admin"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("entity.migration.failed"));

        assertThat(columns(tenant, "reading")).doesNotContainKey("site");
        assertThat(changelogRows(tenant, "reading")).isEqualTo(changelogBefore);
        assertThat(store.history(tenant, MetadataKind.ENTITY, "reading").getFirst().status())
                .isEqualTo(DocumentStatus.DRAFT);
    }

    @Test
    void requiredReferenceCycleIsRejected() {
        long tenant = newTenant();
        publish(tenant, "crew", entity("crew", """
                {"name": "name", "type": "text", "label": {"zh": "名称"}}"""));
        publish(tenant, "site", entity("site", """
                {"name": "crew", "type": "reference", "target": "crew", "label": {"zh": "班组"}, "required": true}"""));

        assertThatThrownBy(() -> publish(tenant, "crew", entity("crew", """
                {"name": "name", "type": "text", "label": {"zh": "名称"}},
                {"name": "homeSite", "type": "reference", "target": "site", "label": {"zh": "驻地"},
                 "required": true}""")))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .contains("crew.homeSite → site.crew → crew"));
    }

    @Test
    void unknownDictionaryIsRejected() {
        long tenant = newTenant();
        MetadataDocument candidate = store.candidate(tenant, MetadataKind.ENTITY, "reading",
                json.readTree(entity("reading", """
                        {"name": "kind", "type": "enum", "dictionary": "reading-kinds", "label": {"zh": "类别"}},
                        {"name": "site", "type": "reference", "target": "site", "label": {"zh": "地点"}},
                        {"name": "siteName", "type": "text", "label": {"zh": "地点名称"}},
                        {"name": "site_name", "type": "text", "label": {"zh": "地点名称2"}},
                        {"name": "grade", "type": "enum", "label": {"zh": "等级"}}"""
                        + "], \"indexes\": [{\"fields\": [\"missing\"]}")), "admin");

        var problems = store.validate(candidate, Locale.ENGLISH);

        assertThat(problems).extracting(p -> p.path()).containsExactly("$.fields[0].dictionary",
                "$.fields[1].target", "$.fields[4]", "$.fields[3].name", "$.indexes[0].fields[0]");
        assertThat(problems.getFirst().message()).contains("reading-kinds");
        assertThat(problems.get(2).message()).contains("grade").contains("dictionary");
        assertThat(problems.get(3).message()).contains("site_name").contains("siteName");
        JsonNode dictionary = json.readTree("""
                {"label": {"zh": "读数类别"}, "items": [{"code": "gas", "label": {"zh": "气体", "en": "Gas"}}]}""");
        store.saveAndPublish(tenant, MetadataKind.DICTIONARY, "reading-kinds", dictionary, "admin");
        assertThat(store.validate(candidate, Locale.ENGLISH)).hasSize(4);
    }
}

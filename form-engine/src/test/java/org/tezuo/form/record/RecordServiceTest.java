package org.tezuo.form.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.RecordNotFoundException;
import org.tezuo.core.record.RecordPage;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.StaleRecordException;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.validation.FieldError;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest
@RecordApplicationEvents
class RecordServiceTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** An entity with one field of every type, a reference to {@code site} and an enum from a dictionary. */
    private static final String INSPECTION = """
            {"name": "inspection", "label": {"zh": "巡检记录", "en": "Inspection"}, "storage": "records",
             "fields": [
              {"name": "title", "type": "text", "label": {"zh": "标题", "en": "Title"}, "required": true,
               "maxLength": 20},
              {"name": "notes", "type": "longText", "label": {"zh": "备注", "en": "Notes"}},
              {"name": "rounds", "type": "integer", "label": {"zh": "轮次", "en": "Rounds"}, "minimum": 1},
              {"name": "pressure", "type": "decimal", "label": {"zh": "压力", "en": "Pressure"}, "unit": "MPa",
               "precision": 8, "scale": 3},
              {"name": "inspectedOn", "type": "date", "label": {"zh": "巡检日期", "en": "Inspected on"}},
              {"name": "startedAt", "type": "dateTime", "label": {"zh": "开始时间", "en": "Started at"}},
              {"name": "shift", "type": "enum", "dictionary": "shifts", "label": {"zh": "班次", "en": "Shift"}},
              {"name": "site", "type": "reference", "target": "site", "label": {"zh": "地点", "en": "Site"}},
              {"name": "inspector", "type": "person", "label": {"zh": "巡检人", "en": "Inspector"}},
              {"name": "team", "type": "orgUnit", "label": {"zh": "班组", "en": "Team"}},
              {"name": "report", "type": "file", "label": {"zh": "报告", "en": "Report"}},
              {"name": "picture", "type": "photo", "label": {"zh": "照片", "en": "Picture"}},
              {"name": "signedBy", "type": "signature", "label": {"zh": "签名", "en": "Signature"}},
              {"name": "location", "type": "geoPoint", "label": {"zh": "位置", "en": "Location"}},
              {"name": "gas", "type": "gasReading", "label": {"zh": "气体检测", "en": "Gas reading"}},
              {"name": "findings", "type": "table", "label": {"zh": "发现问题", "en": "Findings"},
               "columns": [
                {"name": "item", "type": "text", "label": {"zh": "项目", "en": "Item"}, "required": true},
                {"name": "severity", "type": "integer", "label": {"zh": "等级", "en": "Severity"}}]},
              {"name": "passed", "type": "boolean", "label": {"zh": "合格", "en": "Passed"}}
             ]}""";

    private static final String FULL_DATA = """
            {"title": "储罐区巡检", "notes": "一切正常\\n第二行", "rounds": 3, "pressure": 1.25,
             "inspectedOn": "2026-12-04", "startedAt": "2026-12-04T08:30:00+08:00", "shift": "day",
             "site": %d, "inspector": "%s", "team": "MAINT-01", "report": "file-101", "picture": "file-102",
             "signedBy": "file-103", "location": {"lat": 31.2304, "lon": 121.4737},
             "gas": {"gas": "CH4", "value": 0.5, "unit": "%%LEL", "readAt": "2026-12-04T08:00:00Z"},
             "findings": [{"item": "阀门渗漏", "severity": 2}, {"item": "标识缺失"}], "passed": true}""";

    @Autowired
    RecordService records;

    @Autowired
    MetadataStore metadata;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private long tenantWithEntities() {
        long tenant = tenants.create("t-" + UUID.randomUUID(), "测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        metadata.saveAndPublish(tenant, MetadataKind.DICTIONARY, "shifts", json.readTree("""
                {"label": {"zh": "班次"}, "items": [
                  {"code": "day", "label": {"zh": "白班", "en": "Day"}},
                  {"code": "night", "label": {"zh": "夜班", "en": "Night"}},
                  {"code": "swing", "label": {"zh": "中班", "en": "Swing"}, "retired": true}]}"""), "admin");
        metadata.saveAndPublish(tenant, MetadataKind.ENTITY, "site", json.readTree("""
                {"name": "site", "label": {"zh": "地点", "en": "Site"}, "storage": "records",
                 "fields": [{"name": "name", "type": "text", "label": {"zh": "名称", "en": "Name"},
                             "required": true}]}"""), "admin");
        metadata.saveAndPublish(tenant, MetadataKind.ENTITY, "inspection", json.readTree(INSPECTION), "admin");
        jdbc.sql("insert into org_unit (tenant_id, code, name, kind) values (?, 'MAINT-01', '维修一班', 'team')")
                .param(tenant).update();
        jdbc.sql("insert into app_user (tenant_id, username, password_hash, display_name, roles) "
                        + "values (?, ?, 'not-for-login', '巡检员', 'WORKER')")
                .params(tenant, inspectorOf(tenant)).update();
        return tenant;
    }

    /** User names are unique across tenants, so each test tenant gets its own inspector. */
    private static String inspectorOf(long tenant) {
        return "inspector-" + tenant;
    }

    private long site(long tenant, String name) {
        return records.create(tenant, "site", json.readTree("{\"name\": \"" + name + "\"}"), null, "admin", ZH).id();
    }

    private StoredRecord inspection(long tenant, String title, int rounds) {
        ObjectNode data = (ObjectNode) json.readTree(FULL_DATA.formatted(site(tenant, "一号罐"), inspectorOf(tenant)));
        data.put("title", title).put("rounds", rounds);
        return records.create(tenant, "inspection", data, null, "engineer", ZH);
    }

    private static List<String> paths(Throwable e) {
        return ((RecordValidationException) e).errors().stream().map(FieldError::path).toList();
    }

    @Test
    void everyFieldTypeRoundTrips() {
        long tenant = tenantWithEntities();
        long site = site(tenant, "一号罐");
        JsonNode sent = json.readTree(FULL_DATA.formatted(site, inspectorOf(tenant)));

        StoredRecord created = records.create(tenant, "inspection", sent, null, "engineer", ZH);
        JsonNode stored = records.read(tenant, "inspection", created.id()).data();

        assertThat(stored.get("title").asString()).isEqualTo("储罐区巡检");
        assertThat(stored.get("notes").asString()).isEqualTo("一切正常\n第二行");
        assertThat(stored.get("rounds").asLong()).isEqualTo(3);
        assertThat(stored.get("pressure").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(stored.get("inspectedOn").asString()).isEqualTo("2026-12-04");
        assertThat(stored.get("startedAt").asString()).isEqualTo("2026-12-04T00:30:00Z");
        assertThat(stored.get("shift").asString()).isEqualTo("day");
        assertThat(stored.get("site").asLong()).isEqualTo(site);
        assertThat(stored.get("inspector").asString()).isEqualTo(inspectorOf(tenant));
        assertThat(stored.get("team").asString()).isEqualTo("MAINT-01");
        assertThat(stored.get("report").asString()).isEqualTo("file-101");
        assertThat(stored.get("picture").asString()).isEqualTo("file-102");
        assertThat(stored.get("signedBy").asString()).isEqualTo("file-103");
        assertThat(stored.get("location").get("lat").asDouble()).isEqualTo(31.2304);
        assertThat(stored.get("location").get("lon").asDouble()).isEqualTo(121.4737);
        assertThat(stored.get("gas").get("gas").asString()).isEqualTo("CH4");
        assertThat(stored.get("gas").get("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(stored.get("gas").get("unit").asString()).isEqualTo("%LEL");
        assertThat(stored.get("gas").get("readAt").asString()).isEqualTo("2026-12-04T08:00:00Z");
        assertThat(stored.get("findings")).hasSize(2);
        assertThat(stored.get("findings").get(0).get("item").asString()).isEqualTo("阀门渗漏");
        assertThat(stored.get("findings").get(0).get("severity").asLong()).isEqualTo(2);
        assertThat(stored.get("findings").get(1).get("severity").isNull()).isTrue();
        assertThat(stored.get("passed").asBoolean()).isTrue();
        assertThat(created.rowVersion()).isEqualTo(1);
        assertThat(created.entityVersion()).isEqualTo(1);
        assertThat(audit.forSubject(tenant, "record", "inspection#" + created.id())).hasSize(1);
    }

    @Test
    void staleUpdateAndSoftDelete() {
        long tenant = tenantWithEntities();
        StoredRecord created = inspection(tenant, "巡检A", 1);
        ObjectNode changed = created.data();
        changed.put("title", "巡检A（复查）");

        StoredRecord updated = records.update(tenant, "inspection", created.id(), 1, changed, "engineer", ZH);

        assertThat(updated.rowVersion()).isEqualTo(2);
        assertThat(updated.data().get("title").asString()).isEqualTo("巡检A（复查）");
        assertThat(updated.data().get("findings")).hasSize(2);
        assertThatThrownBy(() -> records.update(tenant, "inspection", created.id(), 1, changed, "engineer", ZH))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .contains("current version 2").contains("version in the request 1"));

        records.delete(tenant, "inspection", created.id(), 2, "engineer");

        assertThatThrownBy(() -> records.read(tenant, "inspection", created.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(records.list(tenant, "inspection", RecordQuery.firstPage()).total()).isZero();
        assertThat(events.stream(RecordWritten.class).filter(event -> event.entity().equals("inspection")))
                .as("one event per write, none for the stale update")
                .containsExactly(
                        new RecordWritten(tenant, "inspection", created.id(), RecordWritten.Change.CREATED),
                        new RecordWritten(tenant, "inspection", created.id(), RecordWritten.Change.UPDATED),
                        new RecordWritten(tenant, "inspection", created.id(), RecordWritten.Change.DELETED));
        assertThat(events.stream(RecordWritten.class).filter(event -> event.entity().equals("site")))
                .as("the site record the inspection references")
                .singleElement()
                .satisfies(event -> assertThat(event.change()).isEqualTo(RecordWritten.Change.CREATED));
    }

    @Test
    void listFiltersSortsAndPages() {
        long tenant = tenantWithEntities();
        inspection(tenant, "储罐巡检", 1);
        inspection(tenant, "管廊巡检", 2);
        inspection(tenant, "储罐复查", 3);
        inspection(tenant, "码头巡检", 4);

        RecordPage tanks = records.list(tenant, "inspection",
                new RecordQuery(List.of("title:contains:储罐"), List.of("-rounds"), 0, 10));
        RecordPage ranged = records.list(tenant, "inspection",
                new RecordQuery(List.of("rounds:gte:2", "rounds:lt:4"), List.of("rounds"), 0, 10));
        RecordPage inList = records.list(tenant, "inspection",
                new RecordQuery(List.of("shift:in:day|night", "inspectedOn:eq:2026-12-04"), List.of(), 1, 3));

        assertThat(tanks.items()).extracting(r -> r.data().get("title").asString())
                .containsExactly("储罐复查", "储罐巡检");
        assertThat(ranged.items()).extracting(r -> r.data().get("rounds").asLong()).containsExactly(2L, 3L);
        assertThat(inList.total()).isEqualTo(4);
        assertThat(inList.items()).hasSize(1);
        assertThatThrownBy(() -> records.list(tenant, "inspection",
                new RecordQuery(List.of("passed:contains:x"), List.of(), 0, 10)))
                .isInstanceOfSatisfying(org.tezuo.core.i18n.LocalizedException.class,
                        e -> assertThat(e.message(Locale.ENGLISH)).contains("\"passed\"").contains("eq"));
    }

    @Test
    void otherTenantCannotSeeRecord() {
        long tenantA = tenantWithEntities();
        long tenantB = tenantWithEntities();
        StoredRecord record = inspection(tenantA, "A 的巡检", 1);

        assertThatThrownBy(() -> records.read(tenantB, "inspection", record.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(records.list(tenantB, "inspection", RecordQuery.firstPage()).total()).isZero();
    }

    @Test
    void invalidDataIsRejectedWithPathsInBothLocales() {
        long tenant = tenantWithEntities();
        JsonNode data = json.readTree("""
                {"rounds": 0, "pressure": 1.23456, "shift": "swing", "site": 999999,
                 "location": {"lat": 91, "lon": 0}, "findings": [{"severity": 1}]}""");

        assertThatThrownBy(() -> records.create(tenant, "inspection", data, null, "engineer", ZH))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> {
                    assertThat(paths(e)).contains("$.title", "$.rounds", "$.shift", "$.location.lat",
                            "$.findings[0].item");
                    assertThat(e.errors().getFirst().message()).contains("标题");
                });
        assertThatThrownBy(() -> records.create(tenant, "inspection", data, null, "engineer", Locale.ENGLISH))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.message()).contains("Title")));

        ObjectNode almost = (ObjectNode) json.readTree(FULL_DATA.formatted(999999, inspectorOf(tenant)));
        almost.put("pressure", 1.23456);
        assertThatThrownBy(() -> records.create(tenant, "inspection", almost, null, "engineer", Locale.ENGLISH))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> {
                    assertThat(paths(e)).containsExactly("$.pressure", "$.site");
                    assertThat(e.errors().get(0).message()).contains("1.23456").contains("3 decimal place(s)");
                    assertThat(e.errors().get(1).message()).contains("999999");
                });
        assertThat(records.list(tenant, "inspection", RecordQuery.firstPage()).total()).isZero();
        assertThat(events.stream(RecordWritten.class)).as("events of rejected writes").isEmpty();
    }

    @Test
    void recordKeepsValidatingWithItsFormVersion() {
        long tenant = tenantWithEntities();
        metadata.saveAndPublish(tenant, MetadataKind.FORM, "quick-inspection", json.readTree("""
                {"title": {"zh": "快速巡检"},
                 "schema": {"type": "object", "required": ["title"], "properties": {
                   "title": {"type": "string", "x-label": {"zh": "标题", "en": "Title"}},
                   "rounds": {"type": "integer", "x-label": {"zh": "轮次", "en": "Rounds"}}}},
                 "layout": {"sections": [{"title": {"zh": "基本"}, "fields": ["title", "rounds"]}]}}"""), "admin");
        StoredRecord created = records.create(tenant, "inspection", json.readTree("{\"title\": \"快速\"}"),
                "quick-inspection", "engineer", ZH);
        metadata.saveAndPublish(tenant, MetadataKind.FORM, "quick-inspection", json.readTree("""
                {"title": {"zh": "快速巡检"},
                 "schema": {"type": "object", "required": ["title", "rounds"], "properties": {
                   "title": {"type": "string", "x-label": {"zh": "标题", "en": "Title"}},
                   "rounds": {"type": "integer", "x-label": {"zh": "轮次", "en": "Rounds"}}}},
                 "layout": {"sections": [{"title": {"zh": "基本"}, "fields": ["title", "rounds"]}]}}"""), "admin");

        StoredRecord updated = records.update(tenant, "inspection", created.id(), 1,
                json.readTree("{\"title\": \"快速（改）\"}"), "engineer", ZH);

        assertThat(created.formKey()).isEqualTo("quick-inspection");
        assertThat(created.formVersion()).isEqualTo(1);
        assertThat(updated.formVersion()).isEqualTo(1);
        assertThatThrownBy(() -> records.create(tenant, "inspection", json.readTree("{\"title\": \"新\"}"),
                "quick-inspection", "engineer", ZH))
                .isInstanceOfSatisfying(RecordValidationException.class,
                        e -> assertThat(paths(e)).containsExactly("$.rounds"));
    }

    @Test
    void duplicateUniqueValueNamesField() {
        long tenant = tenantWithEntities();
        metadata.saveAndPublish(tenant, MetadataKind.ENTITY, "detector", json.readTree("""
                {"name": "detector", "label": {"zh": "检测仪"}, "storage": "records",
                 "fields": [{"name": "assetNumber", "type": "text", "label": {"zh": "设备编号"}, "required": true,
                             "unique": true}]}"""), "admin");
        StoredRecord first = records.create(tenant, "detector", json.readTree("{\"assetNumber\": \"QJ-1\"}"), null,
                "admin", ZH);

        assertThatThrownBy(() -> records.create(tenant, "detector", json.readTree("{\"assetNumber\": \"QJ-1\"}"),
                null, "admin", ZH))
                .isInstanceOfSatisfying(RecordValidationException.class, e -> {
                    assertThat(paths(e)).containsExactly("$.assetNumber");
                    assertThat(e.errors().getFirst().message())
                            .isEqualTo("已有记录（编号 " + first.id() + "）的“设备编号”为“QJ-1”，不能重复；请改用其他值，或修改那条记录");
                });
        assertThatThrownBy(() -> records.create(tenant, "detector", json.readTree("{\"assetNumber\": \" QJ-1 \"}"),
                null, "admin", ZH))
                .isInstanceOfSatisfying(RecordValidationException.class,
                        e -> assertThat(paths(e)).containsExactly("$.assetNumber"));
        assertThat(records.update(tenant, "detector", first.id(), 1,
                json.readTree("{\"assetNumber\": \"QJ-1\"}"), "admin", ZH).rowVersion()).isEqualTo(2);
    }

    @Test
    void blankRequiredTextIsMissing() {
        long tenant = tenantWithEntities();

        assertThatThrownBy(() -> records.create(tenant, "site", json.readTree("{\"name\": \"   \"}"), null, "admin",
                ZH))
                .isInstanceOfSatisfying(RecordValidationException.class,
                        e -> assertThat(paths(e)).containsExactly("$.name"));
    }

    @Test
    void hiddenFieldIsNotStored() {
        long tenant = tenantWithEntities();
        metadata.saveAndPublish(tenant, MetadataKind.FORM, "conditional-inspection", json.readTree("""
                {"title": {"zh": "巡检"},
                 "schema": {"type": "object", "required": ["title"], "properties": {
                   "title": {"type": "string", "x-label": {"zh": "标题"}},
                   "passed": {"type": "boolean", "x-label": {"zh": "合格"}},
                   "notes": {"type": "string", "x-label": {"zh": "说明"}, "x-visibleWhen": "passed == false"}}},
                 "layout": {"sections": [{"title": {"zh": "基本"}, "fields": ["title", "passed", "notes"]}]}}"""),
                "admin");

        StoredRecord stored = records.create(tenant, "inspection",
                json.readTree("{\"title\": \"日检\", \"passed\": true, \"notes\": \"不应保存\"}"),
                "conditional-inspection", "engineer", ZH);

        assertThat(stored.data().path("notes").isString()).as("hidden notes stored").isFalse();
        assertThat(stored.data().path("title").asString()).isEqualTo("日检");
    }

    @Test
    void unknownOrgUnitAndPersonAreRejected() {
        long tenant = tenantWithEntities();
        ObjectNode data = (ObjectNode) json.readTree(FULL_DATA.formatted(site(tenant, "一号罐"), "nobody"));
        data.put("team", "NOPE");

        assertThatThrownBy(() -> records.create(tenant, "inspection", data, null, "engineer", ZH))
                .isInstanceOfSatisfying(RecordValidationException.class,
                        e -> assertThat(paths(e)).containsExactly("$.inspector", "$.team"));
    }
}

package org.tezuo.core.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.RecordEntities;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.RecordStore;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same migrations and record writes on H2, the embedded database that {@code ./tezuo run} uses, so the H2
 * spelling of the generated SQL is checked too.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:entities-h2;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
@DirtiesContext
class EntityTableMigrationH2Test {

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    RecordEntities entities;

    @Autowired
    RecordStore records;

    @Autowired
    JsonMapper json;

    @Test
    void publishRenameConvertAndWriteRecordsOnH2() {
        long tenant = tenants.create("h2-" + UUID.randomUUID(), "测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        store.saveAndPublish(tenant, MetadataKind.ENTITY, "log", json.readTree("""
                {"name": "log", "label": {"zh": "日志"}, "storage": "records", "fields": [
                  {"name": "title", "type": "text", "label": {"zh": "标题"}, "required": true, "unique": true},
                  {"name": "hours", "type": "integer", "label": {"zh": "工时"}},
                  {"name": "notes", "type": "longText", "label": {"zh": "备注"}},
                  {"name": "spot", "type": "geoPoint", "label": {"zh": "位置"}},
                  {"name": "lines", "type": "table", "label": {"zh": "明细"},
                   "columns": [{"name": "item", "type": "text", "label": {"zh": "项目"}}]}]}"""), "admin");
        ObjectNode data = (ObjectNode) json.readTree("""
                {"title": "夜巡", "hours": 8, "notes": "长文本", "spot": {"lat": 30.5, "lon": 120.25},
                 "lines": [{"item": "阀门"}]}""");
        StoredRecord first = records.create(entities.require(tenant, "log"), data, null, "admin");

        store.saveAndPublish(tenant, MetadataKind.ENTITY, "log", json.readTree("""
                {"name": "log", "label": {"zh": "日志"}, "storage": "records", "fields": [
                  {"name": "heading", "type": "text", "label": {"zh": "标题"}, "required": true, "unique": true,
                   "renamedFrom": "title"},
                  {"name": "hours", "type": "decimal", "label": {"zh": "工时"}, "scale": 1},
                  {"name": "spot", "type": "geoPoint", "label": {"zh": "位置"}},
                  {"name": "lines", "type": "table", "label": {"zh": "明细"},
                   "columns": [{"name": "item", "type": "text", "label": {"zh": "项目"}}]}]}"""), "admin");
        StoredRecord read = records.require(entities.require(tenant, "log"), first.id());

        assertThat(read.data().get("heading").asString()).isEqualTo("夜巡");
        assertThat(read.data().get("hours").decimalValue()).isEqualByComparingTo("8");
        assertThat(read.data().get("spot").get("lon").asDouble()).isEqualTo(120.25);
        assertThat(read.data().get("lines").get(0).get("item").asString()).isEqualTo("阀门");
        assertThat(records.list(entities.require(tenant, "log"),
                new RecordQuery(List.of("heading:contains:夜"), List.of("-hours"), 0, 5)).total()).isEqualTo(1);

        store.saveAndPublish(tenant, MetadataKind.ENTITY, "log", json.readTree("""
                {"name": "log", "label": {"zh": "日志"}, "storage": "records", "fields": [
                  {"name": "hours", "type": "decimal", "label": {"zh": "工时"}, "scale": 1}]}"""), "admin");
        StoredRecord withoutHeading = records.create(entities.require(tenant, "log"),
                (ObjectNode) json.readTree("{\"hours\": 1.5}"), null, "admin");

        assertThat(withoutHeading.data().get("hours").decimalValue()).isEqualByComparingTo("1.5");
    }
}

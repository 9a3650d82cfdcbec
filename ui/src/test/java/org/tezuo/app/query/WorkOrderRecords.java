package org.tezuo.app.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a {@code work_order} records entity (site, status) for a tenant and inserts three
 * records into the table publishing created: two open at site east, one closed at site west.
 */
public final class WorkOrderRecords {

    private WorkOrderRecords() {
    }

    public static void create(long tenantId, MetadataStore store, JdbcClient jdbc, JsonMapper json) {
        store.saveAndPublish(tenantId, MetadataKind.ENTITY, "work_order", json.readTree("""
                {"name": "work_order", "label": {"zh": "工单"}, "storage": "records",
                 "fields": [{"name": "site", "type": "text", "label": {"zh": "厂区"}},
                            {"name": "status", "type": "enum", "label": {"zh": "状态"},
                             "values": ["open", "closed"]}]}"""), "admin");
        String table = "\"tenant_" + tenantId + "\".\"work_order\"";
        jdbc.sql("insert into " + table + " (entity_version, created_at, created_by, updated_at, updated_by, "
                + "row_version, site, status) values (1, now(), 'test', now(), 'test', 0, 'east', 'open'), "
                + "(1, now(), 'test', now(), 'test', 0, 'east', 'open'), "
                + "(1, now(), 'test', now(), 'test', 0, 'west', 'closed')").update();
    }
}

package org.tezuo.app.ui.record;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an {@code inspection} records entity (title, status from the {@code inspection_status} dictionary,
 * inspection date) in a new tenant and writes its records through the record service.
 */
final class InspectionRecords {

    static final String ENTITY = "inspection";

    private final MetadataStore metadata;
    private final RecordService records;
    private final JsonMapper json;
    final long tenantId;

    private InspectionRecords(MetadataStore metadata, RecordService records, JsonMapper json, long tenantId) {
        this.metadata = metadata;
        this.records = records;
        this.json = json;
        this.tenantId = tenantId;
    }

    /** Creates a tenant in Asia/Shanghai and publishes the dictionary and the entity in it. */
    static InspectionRecords inNewTenant(TenantDirectory tenants, MetadataStore metadata, RecordService records,
            JsonMapper json) {
        long tenantId = tenants.create("rec-" + UUID.randomUUID(), "记录页面测试企业", null,
                ZoneId.of("Asia/Shanghai")).id();
        metadata.saveAndPublish(tenantId, MetadataKind.DICTIONARY, "inspection_status", json.readTree("""
                {"label": {"zh": "检查状态"},
                 "items": [{"code": "open", "label": {"zh": "待整改", "en": "Open"}},
                           {"code": "closed", "label": {"zh": "已关闭", "en": "Closed"}}]}"""), "admin");
        metadata.saveAndPublish(tenantId, MetadataKind.ENTITY, ENTITY, json.readTree("""
                {"name": "inspection", "label": {"zh": "隐患检查", "en": "Inspection"}, "storage": "records",
                 "fields": [{"name": "title", "type": "text", "label": {"zh": "检查项目", "en": "Item"},
                             "required": true},
                            {"name": "status", "type": "enum", "label": {"zh": "状态", "en": "Status"},
                             "dictionary": "inspection_status"},
                            {"name": "inspectedOn", "type": "date", "label": {"zh": "检查日期", "en": "Date"}}]}
                """), "admin");
        return new InspectionRecords(metadata, records, json, tenantId);
    }

    StoredRecord create(String title, String status, String inspectedOn) {
        return records.create(tenantId, ENTITY, json.readTree("""
                {"title": "%s", "status": "%s", "inspectedOn": "%s"}""".formatted(title, status, inspectedOn)),
                null, "inspector", Locale.SIMPLIFIED_CHINESE);
    }

    void publishQuery(String key, String body) {
        metadata.saveAndPublish(tenantId, MetadataKind.QUERY, key, json.readTree(body), "admin");
    }
}

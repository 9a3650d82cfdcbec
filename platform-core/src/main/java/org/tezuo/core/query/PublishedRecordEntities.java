package org.tezuo.core.query;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a tenant's published entities straight from {@code metadata_document}. It does not go through
 * {@code MetadataStore} because the store runs the query document check, which needs this catalogue.
 */
@Component
class PublishedRecordEntities {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PublishedRecordEntities(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Returns the catalogue version: the newest published version of every entity, such as
     * {@code permit@2;work_order@5}. Publishing any entity changes it.
     */
    String catalogueVersion(long tenantId) {
        List<String> versions = jdbc.sql("""
                select doc_key, max(version) as version from metadata_document
                where tenant_id = ? and kind = ? and status = 'PUBLISHED'
                group by doc_key order by doc_key""")
                .params(tenantId, MetadataKind.ENTITY.code())
                .query((rs, row) -> rs.getString("doc_key") + "@" + rs.getInt("version"))
                .list();
        return String.join(";", versions);
    }

    /** Returns the newest published version of every entity stored as records. */
    List<RecordEntity> load(long tenantId) {
        return jdbc.sql("""
                select d.body, d.version from metadata_document d
                where d.tenant_id = ? and d.kind = ? and d.status = 'PUBLISHED'
                  and d.version = (select max(x.version) from metadata_document x
                                   where x.tenant_id = d.tenant_id and x.kind = d.kind and x.doc_key = d.doc_key
                                     and x.status = 'PUBLISHED')""")
                .params(tenantId, MetadataKind.ENTITY.code())
                .query((rs, row) -> RecordEntity.fromDocument(json.readTree(rs.getString("body")),
                        rs.getInt("version")))
                .list().stream()
                .flatMap(Optional::stream)
                .toList();
    }
}

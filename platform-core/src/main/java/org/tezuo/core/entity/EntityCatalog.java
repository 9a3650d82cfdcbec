package org.tezuo.core.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the entity and dictionary documents of a tenant straight from the metadata table. Checks and publication
 * steps run inside {@link org.tezuo.core.metadata.MetadataStore}, so they cannot depend on the store itself.
 */
@Component
public class EntityCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EntityCatalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Returns the newest published version of every entity that stores records, by entity name. */
    public Map<String, EntityDefinition> publishedRecordEntities(long tenantId) {
        return recordEntities(tenantId, "and d.status = 'PUBLISHED'");
    }

    /** Returns the newest version, draft or published, of every entity that stores records, by entity name. */
    public Map<String, EntityDefinition> latestRecordEntities(long tenantId) {
        return recordEntities(tenantId, "");
    }

    /** Returns the body of the newest published version of a dictionary, if any. */
    public Optional<JsonNode> publishedDictionary(long tenantId, String key) {
        return jdbc.sql("""
                select body from metadata_document where tenant_id = ? and kind = ? and doc_key = ?
                and status = 'PUBLISHED' order by version desc limit 1""")
                .params(tenantId, MetadataKind.DICTIONARY.code(), key)
                .query((rs, row) -> json.readTree(rs.getString("body")))
                .optional();
    }

    /** Whether a dictionary with {@code key} exists as a draft or published version. */
    public boolean dictionaryExists(long tenantId, String key) {
        return jdbc.sql("select count(*) from metadata_document where tenant_id = ? and kind = ? and doc_key = ?")
                .params(tenantId, MetadataKind.DICTIONARY.code(), key)
                .query(Long.class)
                .single() > 0;
    }

    /** Returns the newest published version of the entity called {@code name}, if it stores records. */
    public Optional<PublishedEntity> findPublished(long tenantId, String name) {
        return recordEntityVersions(tenantId, "and d.status = 'PUBLISHED'").stream()
                .filter(entity -> entity.name().equals(name))
                .findFirst();
    }

    private Map<String, EntityDefinition> recordEntities(long tenantId, String statusFilter) {
        Map<String, EntityDefinition> entities = new LinkedHashMap<>();
        recordEntityVersions(tenantId, statusFilter)
                .forEach(entity -> entities.put(entity.name(), entity.definition()));
        return entities;
    }

    private List<PublishedEntity> recordEntityVersions(long tenantId, String statusFilter) {
        return jdbc.sql("""
                select d.doc_key, d.version, d.body from metadata_document d
                where d.tenant_id = ? and d.kind = ? %s
                  and d.version = (select max(x.version) from metadata_document x
                                   where x.tenant_id = d.tenant_id and x.kind = d.kind and x.doc_key = d.doc_key %s)
                order by d.doc_key""".formatted(statusFilter, statusFilter.replace("d.", "x.")))
                .params(tenantId, MetadataKind.ENTITY.code())
                .query((rs, row) -> new PublishedEntity(tenantId, rs.getString("doc_key"), rs.getInt("version"),
                        EntityDefinitionParser.parse(json.readTree(rs.getString("body")))))
                .list()
                .stream()
                .filter(entity -> entity.definition().storesRecords())
                .toList();
    }
}

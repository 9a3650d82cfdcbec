package org.tezuo.core.record;

import static org.tezuo.core.entity.SqlDialect.quote;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.entity.EntityDefinition;
import org.tezuo.core.entity.EntityField;
import org.tezuo.core.entity.EntityFieldType;
import org.tezuo.core.entity.EntityIndex;
import org.tezuo.core.entity.EntityNaming;
import org.tezuo.core.entity.PublishedEntity;
import org.tezuo.core.entity.RecordColumn;
import org.tezuo.core.entity.RecordColumns;
import org.tezuo.core.entity.SqlDialect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores the records of published entities in their tables, in the tenant's schema. Table and column names come
 * only from the published entity document and are quoted; every value is a bound parameter. The caller validates
 * the data first (the form engine's {@code RecordService} does). Every write is audited in its transaction.
 */
@Component
public class RecordStore {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String AUDIT_SUBJECT = "record";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public RecordStore(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inserts a record with row version 1 and returns it as stored. */
    @Transactional
    public StoredRecord create(PublishedEntity entity, ObjectNode data, @Nullable FormReference form, String actor) {
        EntityDefinition definition = entity.definition();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(EntityNaming.ENTITY_VERSION, entity.version());
        values.put(EntityNaming.FORM_KEY, new SqlParameterValue(Types.VARCHAR, form == null ? null : form.key()));
        values.put(EntityNaming.FORM_VERSION, new SqlParameterValue(Types.INTEGER,
                form == null ? null : form.version()));
        values.put(EntityNaming.CREATED_AT, timestamp(now));
        values.put(EntityNaming.CREATED_BY, actor);
        values.put(EntityNaming.UPDATED_AT, timestamp(now));
        values.put(EntityNaming.UPDATED_BY, actor);
        values.put(EntityNaming.ROW_VERSION, 1);
        putFieldValues(definition.fields(), data, values);

        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + table(entity, definition.table()) + " ("
                        + String.join(", ", values.keySet().stream().map(SqlDialect::quote).toList()) + ") values ("
                        + String.join(", ", values.keySet().stream().map(name -> "?").toList()) + ")")
                .params(new ArrayList<>(values.values()))
                .update(keys, EntityNaming.ID);
        long id = keys.getKeyAs(Number.class).longValue();
        insertChildRows(entity, id, data);
        StoredRecord created = require(entity, id);
        audit.append(entity.tenantId(), actor, "record.create", AUDIT_SUBJECT, subjectId(entity, id), null,
                created.data());
        return created;
    }

    /** Returns a live record, or empty when it does not exist or was soft-deleted. */
    public Optional<StoredRecord> find(PublishedEntity entity, long id) {
        List<StoredRecord> found = select(entity, " and " + quote(EntityNaming.ID) + " = ?", List.of(id), "", 0, 1);
        return found.stream().findFirst();
    }

    /** Returns a live record or throws {@link RecordNotFoundException}. */
    public StoredRecord require(PublishedEntity entity, long id) {
        return find(entity, id).orElseThrow(() -> new RecordNotFoundException(entity.name(), id));
    }

    /** Fields of a unique index whose values another record of the table already has. */
    public record Duplicate(List<String> fields, long recordId) {
    }

    /**
     * Returns the first unique field or unique index whose values in {@code data} another record already has,
     * soft-deleted records included because the database index includes them. {@code excludeId} is the record
     * being updated, or null for a new one.
     */
    public Optional<Duplicate> findDuplicate(PublishedEntity entity, ObjectNode data, @Nullable Long excludeId) {
        EntityDefinition definition = entity.definition();
        Map<String, Object> columns = new LinkedHashMap<>();
        putFieldValues(definition.fields(), data, columns);
        List<List<String>> uniqueSets = new ArrayList<>();
        definition.fields().stream().filter(EntityField::unique).forEach(field -> uniqueSets.add(List.of(field.name())));
        definition.indexes().stream().filter(EntityIndex::unique).forEach(index -> uniqueSets.add(index.fields()));
        for (List<String> fields : uniqueSets) {
            List<String> setColumns = fields.stream().map(EntityNaming::columnOf).toList();
            if (!setColumns.stream().allMatch(column -> columns.get(column) != null)) {
                continue;
            }
            List<Object> parameters = new ArrayList<>(setColumns.stream().map(columns::get).toList());
            String where = String.join(" and ", setColumns.stream().map(column -> quote(column) + " = ?").toList());
            if (excludeId != null) {
                where += " and " + quote(EntityNaming.ID) + " <> ?";
                parameters.add(excludeId);
            }
            Optional<Long> other = jdbc.sql("select " + quote(EntityNaming.ID) + " from "
                            + table(entity, definition.table()) + " where " + where + " fetch first 1 rows only")
                    .params(parameters).query(Long.class).optional();
            if (other.isPresent()) {
                return Optional.of(new Duplicate(fields, other.get()));
            }
        }
        return Optional.empty();
    }

    /** Returns whether the tenant has an org unit with this code. */
    public boolean orgUnitExists(long tenantId, String code) {
        return jdbc.sql("select count(*) from org_unit where tenant_id = ? and code = ?")
                .params(tenantId, code).query(Long.class).single() > 0;
    }

    /** Returns whether the tenant has a user with this user name, enabled or not. */
    public boolean userExists(long tenantId, String username) {
        return jdbc.sql("select count(*) from app_user where tenant_id = ? and username = ?")
                .params(tenantId, username).query(Long.class).single() > 0;
    }

    /** Returns whether a live record with {@code id} exists. */
    public boolean exists(PublishedEntity entity, long id) {
        return jdbc.sql("select count(*) from " + table(entity, entity.definition().table()) + " where "
                        + quote(EntityNaming.ID) + " = ? and " + quote(EntityNaming.DELETED_AT) + " is null")
                .param(id).query(Long.class).single() > 0;
    }

    /**
     * Replaces the field values of a record when {@code expectedRowVersion} is current, and increments it.
     *
     * @throws RecordNotFoundException when the record does not exist or was deleted
     * @throws StaleRecordException when someone else changed the record since it was read
     */
    @Transactional
    public StoredRecord update(PublishedEntity entity, long id, int expectedRowVersion, ObjectNode data,
            String actor) {
        StoredRecord before = require(entity, id);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(EntityNaming.ENTITY_VERSION, entity.version());
        values.put(EntityNaming.UPDATED_AT, timestamp(OffsetDateTime.now(clock)));
        values.put(EntityNaming.UPDATED_BY, actor);
        putFieldValues(entity.definition().fields(), data, values);
        List<Object> parameters = new ArrayList<>(values.values());
        parameters.add(id);
        parameters.add(expectedRowVersion);
        int updated = jdbc.sql("update " + table(entity, entity.definition().table()) + " set "
                        + String.join(", ", values.keySet().stream().map(name -> quote(name) + " = ?").toList())
                        + ", " + quote(EntityNaming.ROW_VERSION) + " = " + quote(EntityNaming.ROW_VERSION) + " + 1"
                        + " where " + quote(EntityNaming.ID) + " = ? and " + quote(EntityNaming.ROW_VERSION)
                        + " = ? and " + quote(EntityNaming.DELETED_AT) + " is null")
                .params(parameters)
                .update();
        if (updated == 0) {
            throw new StaleRecordException(entity.name(), id, before.rowVersion(), expectedRowVersion);
        }
        deleteChildRows(entity, id);
        insertChildRows(entity, id, data);
        StoredRecord after = require(entity, id);
        audit.append(entity.tenantId(), actor, "record.update", AUDIT_SUBJECT, subjectId(entity, id), before.data(),
                after.data());
        return after;
    }

    /**
     * Soft-deletes a record: it keeps its row but disappears from reads and lists.
     *
     * @param expectedRowVersion the row version the caller read, or null to delete whatever the current version
     */
    @Transactional
    public void delete(PublishedEntity entity, long id, @Nullable Integer expectedRowVersion, String actor) {
        StoredRecord before = require(entity, id);
        int rowVersion = expectedRowVersion == null ? before.rowVersion() : expectedRowVersion;
        int updated = jdbc.sql("update " + table(entity, entity.definition().table()) + " set "
                        + quote(EntityNaming.DELETED_AT) + " = ?, " + quote(EntityNaming.UPDATED_AT) + " = ?, "
                        + quote(EntityNaming.UPDATED_BY) + " = ?, " + quote(EntityNaming.ROW_VERSION) + " = "
                        + quote(EntityNaming.ROW_VERSION) + " + 1 where " + quote(EntityNaming.ID) + " = ? and "
                        + quote(EntityNaming.ROW_VERSION) + " = ? and " + quote(EntityNaming.DELETED_AT) + " is null")
                .params(timestamp(OffsetDateTime.now(clock)), timestamp(OffsetDateTime.now(clock)), actor, id,
                        rowVersion)
                .update();
        if (updated == 0) {
            throw new StaleRecordException(entity.name(), id, before.rowVersion(), rowVersion);
        }
        audit.append(entity.tenantId(), actor, "record.delete", AUDIT_SUBJECT, subjectId(entity, id), before.data(),
                null);
    }

    /** Returns one page of live records that match every filter of {@code query}. */
    public RecordPage list(PublishedEntity entity, RecordQuery query) {
        RecordColumnResolver resolver = new RecordColumnResolver(entity.definition());
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        resolver.appendFilters(query.filters(), where, parameters);
        String orderBy = resolver.orderBy(query.sort());
        long total = jdbc.sql("select count(*) from " + table(entity, entity.definition().table()) + " where "
                        + quote(EntityNaming.DELETED_AT) + " is null" + where)
                .params(parameters)
                .query(Long.class).single();
        List<StoredRecord> items = select(entity, where.toString(), parameters, orderBy,
                (long) query.page() * query.size(), query.size());
        return new RecordPage(items, query.page(), query.size(), total);
    }

    private List<StoredRecord> select(PublishedEntity entity, String where, List<Object> parameters, String orderBy,
            long offset, int limit) {
        EntityDefinition definition = entity.definition();
        List<Object> all = new ArrayList<>(parameters);
        all.add(limit);
        all.add(offset);
        List<StoredRecord> records = jdbc.sql("select * from " + table(entity, definition.table()) + " where "
                        + quote(EntityNaming.DELETED_AT) + " is null" + where
                        + (orderBy.isEmpty() ? "" : " order by " + orderBy) + " limit ? offset ?")
                .params(all)
                .query((rs, row) -> map(rs, definition))
                .list();
        return records.stream().map(stored -> withChildRows(entity, stored)).toList();
    }

    private StoredRecord map(ResultSet rs, EntityDefinition definition) throws SQLException {
        ObjectNode data = NODES.objectNode();
        readFields(rs, definition.fields(), data);
        int formVersion = rs.getInt(EntityNaming.FORM_VERSION);
        Integer form = rs.wasNull() ? null : formVersion;
        return new StoredRecord(rs.getLong(EntityNaming.ID), rs.getInt(EntityNaming.ENTITY_VERSION),
                rs.getString(EntityNaming.FORM_KEY), form,
                rs.getObject(EntityNaming.CREATED_AT, OffsetDateTime.class).toInstant(),
                rs.getString(EntityNaming.CREATED_BY),
                rs.getObject(EntityNaming.UPDATED_AT, OffsetDateTime.class).toInstant(),
                rs.getString(EntityNaming.UPDATED_BY), rs.getInt(EntityNaming.ROW_VERSION), data);
    }

    private static void readFields(ResultSet rs, List<EntityField> fields, ObjectNode data) throws SQLException {
        for (EntityField field : fields) {
            List<RecordColumn> columns = RecordColumns.of(field);
            if (field.type() == EntityFieldType.TABLE) {
                continue;
            }
            if (!field.type().isComposite()) {
                data.set(field.name(), RecordValues.read(rs, columns.getFirst()));
                continue;
            }
            ObjectNode value = NODES.objectNode();
            boolean empty = true;
            for (RecordColumn column : columns) {
                JsonNode part = RecordValues.read(rs, column);
                empty &= part.isNull();
                value.set(column.part(), part);
            }
            data.set(field.name(), empty ? NODES.nullNode() : value);
        }
    }

    private StoredRecord withChildRows(PublishedEntity entity, StoredRecord stored) {
        EntityDefinition definition = entity.definition();
        ObjectNode data = stored.data();
        for (EntityField field : definition.fields()) {
            if (field.type() != EntityFieldType.TABLE) {
                continue;
            }
            ArrayNode rows = NODES.arrayNode();
            // NOTE: one query per table field and record; a page of 200 records with two table fields runs
            // 400 small queries.
            jdbc.sql("select * from " + table(entity, definition.childTable(field)) + " where \"parent_id\" = ?"
                            + " order by \"row_no\"")
                    .param(stored.id())
                    .query(rs -> {
                        ObjectNode row = NODES.objectNode();
                        readFields(rs, field.columns(), row);
                        rows.add(row);
                    });
            data.set(field.name(), rows);
        }
        return new StoredRecord(stored.id(), stored.entityVersion(), stored.formKey(), stored.formVersion(),
                stored.createdAt(), stored.createdBy(), stored.updatedAt(), stored.updatedBy(), stored.rowVersion(),
                data);
    }

    private void insertChildRows(PublishedEntity entity, long parentId, ObjectNode data) {
        for (EntityField field : entity.definition().fields()) {
            if (field.type() != EntityFieldType.TABLE) {
                continue;
            }
            JsonNode rows = data.path(field.name());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("parent_id", parentId);
                values.put("row_no", i + 1);
                putFieldValues(field.columns(), rows.get(i), values);
                jdbc.sql("insert into " + table(entity, entity.definition().childTable(field)) + " ("
                                + String.join(", ", values.keySet().stream().map(SqlDialect::quote).toList())
                                + ") values (" + String.join(", ", values.keySet().stream().map(name -> "?").toList())
                                + ")")
                        .params(new ArrayList<>(values.values()))
                        .update();
            }
        }
    }

    private void deleteChildRows(PublishedEntity entity, long parentId) {
        for (EntityField field : entity.definition().fields()) {
            if (field.type() == EntityFieldType.TABLE) {
                jdbc.sql("delete from " + table(entity, entity.definition().childTable(field))
                        + " where \"parent_id\" = ?").param(parentId).update();
            }
        }
    }

    private static void putFieldValues(List<EntityField> fields, JsonNode data, Map<String, Object> values) {
        for (EntityField field : fields) {
            JsonNode value = data.get(field.name());
            for (RecordColumn column : RecordColumns.of(field)) {
                JsonNode part = column.part() == null || value == null ? value : value.get(column.part());
                values.put(column.name(), RecordValues.parameter(column, part));
            }
        }
    }

    private static SqlParameterValue timestamp(OffsetDateTime time) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, time);
    }

    private static String table(PublishedEntity entity, String table) {
        return SqlDialect.qualified(EntityNaming.schemaOf(entity.tenantId()), table);
    }

    private static String subjectId(PublishedEntity entity, long id) {
        return entity.name() + "#" + id;
    }
}

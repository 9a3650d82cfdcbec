package org.tezuo.core.entity;

import static org.tezuo.core.entity.SqlDialect.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.i18n.LocalizedException;

/**
 * Plans the table changes that publishing an entity version needs, comparing the draft with the version
 * published before it and with the columns the database has. Every data check runs while planning, so a rejected
 * publish changes nothing. Each planned change set is a list of SQL statements with quoted identifiers; values
 * from the entity document (defaults) are rendered by {@link SqlLiteral}, never record data.
 *
 * <p>Rules: a new field adds columns; {@code renamedFrom} renames them; a type change adds a column, copies the
 * values with a cast and swaps the names, keeping the old column as {@code <col>__v<previous version>}; a removed
 * field is retired, its columns kept and made nullable. A field added under the name of a retired column renames
 * the retired column to {@code <col>__retired_v<version>} first, so old values never reappear under a new
 * meaning.
 */
final class MigrationPlanner {

    private static final int MAX_IDENTIFIER_LENGTH = 63;

    /** The system columns after {@code id}, in {@link EntityNaming#SYSTEM_COLUMNS} order. */
    private static final String SYSTEM_COLUMNS_DDL = String.join(",\n  ", "",
            "\"entity_version\" int not null",
            "\"form_key\" varchar(100)",
            "\"form_version\" int",
            "\"created_at\" timestamp with time zone not null",
            "\"created_by\" varchar(64) not null",
            "\"updated_at\" timestamp with time zone not null",
            "\"updated_by\" varchar(64) not null",
            "\"deleted_at\" timestamp with time zone",
            "\"row_version\" int not null");

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final String schema;
    private final int version;
    private final Function<String, Set<String>> columnsOfTable;
    private final List<List<String>> changeSets = new ArrayList<>();
    private final Set<String> changedColumns = new HashSet<>();

    /**
     * @param columnsOfTable returns the columns a table of {@code schema} has, empty when the table is missing
     */
    MigrationPlanner(JdbcClient jdbc, SqlDialect dialect, String schema, int version,
            Function<String, Set<String>> columnsOfTable) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.schema = schema;
        this.version = version;
        this.columnsOfTable = columnsOfTable;
    }

    /**
     * Returns the change sets that bring the tables of {@code previous} to {@code draft}, in order.
     *
     * @param previous the version published before the draft, if it stored records
     * @param previousVersion its version number, used to name the columns a type change keeps
     * @throws LocalizedException when a change would lose data, naming the field, the rows and a sample value
     */
    List<List<String>> plan(EntityDefinition draft, Optional<EntityDefinition> previous, int previousVersion) {
        String table = draft.table();
        Set<String> existing = columnsOfTable.apply(table);
        if (existing.isEmpty()) {
            changeSets.add(List.of("create schema if not exists " + quote(schema)));
            changeSets.add(List.of(createTable(table, draft.fields(), null)));
            for (EntityField field : draft.fields()) {
                if (field.type() == EntityFieldType.TABLE) {
                    createChildTable(draft, field);
                }
            }
            TableIndex.of(draft).values().forEach(index -> changeSets.add(List.of(createIndex(table, index))));
            return List.copyOf(changeSets);
        }

        EntityDefinition before = previous.orElseThrow(() -> new IllegalStateException(
                "Table " + schema + "." + table + " exists but no published version stores records"));
        Map<String, TableIndex> oldIndexes = TableIndex.of(before);
        planFields(draft, table, before.fields(), draft.fields(), existing, previousVersion);
        Map<String, TableIndex> newIndexes = TableIndex.of(draft);
        List<String> drops = new ArrayList<>();
        oldIndexes.values().stream()
                .filter(index -> !newIndexes.containsKey(index.name()) || touchesChangedColumn(index))
                .forEach(index -> drops.add("drop index " + SqlDialect.qualified(schema, index.name())));
        if (!drops.isEmpty()) {
            changeSets.addFirst(drops);
        }
        newIndexes.values().stream()
                .filter(index -> !oldIndexes.containsKey(index.name()) || touchesChangedColumn(index))
                .forEach(index -> changeSets.add(List.of(createIndex(table, index))));
        return List.copyOf(changeSets);
    }

    private void planFields(EntityDefinition draft, String table, List<EntityField> oldFields,
            List<EntityField> newFields, Set<String> existing, int previousVersion) {
        String qualified = SqlDialect.qualified(schema, table);
        long rows = countRows(qualified);
        Set<String> kept = new HashSet<>();
        for (EntityField field : newFields) {
            Optional<EntityField> old = predecessor(field, oldFields);
            if (old.isEmpty()) {
                addField(draft, table, field, existing, rows);
                continue;
            }
            kept.add(old.get().name());
            EntityField renamed = old.get();
            if (!renamed.name().equals(field.name())) {
                renameField(draft, table, renamed, field);
            }
            if (field.type() == EntityFieldType.TABLE) {
                if (renamed.type() != EntityFieldType.TABLE) {
                    throw unsupported(field, renamed);
                }
                String child = draft.childTable(field);
                planFields(draft, child, renamed.columns(), field.columns(), columnsOfTable.apply(child),
                        previousVersion);
                continue;
            }
            changeType(table, renamed, field, previousVersion);
            changeRequired(table, renamed, field, rows);
        }
        for (EntityField old : oldFields) {
            if (!kept.contains(old.name()) && old.required() && !old.type().isComposite()) {
                changeSets.add(List.of(dialect.dropNotNull(qualified, old.column())));
            }
        }
    }

    /** Finds the previous field a draft field continues: by {@code renamedFrom} first, then by name. */
    private static Optional<EntityField> predecessor(EntityField field, List<EntityField> oldFields) {
        String renamedFrom = field.renamedFrom();
        if (renamedFrom != null) {
            Optional<EntityField> old = oldFields.stream().filter(f -> f.name().equals(renamedFrom)).findFirst();
            if (old.isPresent()) {
                return old;
            }
        }
        return oldFields.stream().filter(f -> f.name().equals(field.name())).findFirst();
    }

    private void addField(EntityDefinition draft, String table, EntityField field, Set<String> existing, long rows) {
        String qualified = SqlDialect.qualified(schema, table);
        if (field.type() == EntityFieldType.TABLE) {
            createChildTable(draft, field);
            return;
        }
        if (field.required() && field.defaultValue() == null && rows > 0 && !field.type().isComposite()) {
            throw new LocalizedException("entity.migration.requiredWithoutDefault", field.name(), rows);
        }
        List<String> statements = new ArrayList<>();
        for (RecordColumn column : RecordColumns.of(field)) {
            if (existing.contains(column.name())) {
                String retired = suffixed(column.name(), "__retired_v" + version);
                statements.add(dialect.dropNotNull(qualified, column.name()));
                statements.add(dialect.renameColumn(qualified, column.name(), retired));
            }
            statements.add("alter table " + qualified + " add column " + quote(column.name()) + " "
                    + column.sqlType(dialect));
        }
        if (field.defaultValue() != null && !field.type().isComposite()) {
            String literal = SqlLiteral.of(field, field.defaultValue());
            statements.add("update " + qualified + " set " + quote(field.column()) + " = " + literal);
        }
        if (field.required() && !field.type().isComposite()) {
            statements.add(dialect.setNotNull(qualified, field.column()));
        }
        changeSets.add(statements);
    }

    private void renameField(EntityDefinition draft, String table, EntityField old, EntityField field) {
        String qualified = SqlDialect.qualified(schema, table);
        if (field.type() == EntityFieldType.TABLE && old.type() == EntityFieldType.TABLE) {
            changeSets.add(List.of("alter table " + SqlDialect.qualified(schema, draft.childTable(old))
                    + " rename to " + quote(draft.childTable(field))));
            return;
        }
        List<String> statements = new ArrayList<>();
        List<RecordColumn> oldColumns = RecordColumns.of(old);
        for (RecordColumn column : oldColumns) {
            String renamed = RecordColumns.of(withType(field, old.type())).get(oldColumns.indexOf(column)).name();
            statements.add(dialect.renameColumn(qualified, column.name(), renamed));
            changedColumns.add(renamed);
        }
        if (!statements.isEmpty()) {
            changeSets.add(statements);
        }
    }

    /** Converts the column of a simple field whose type changed; rejects it when a stored value would change. */
    private void changeType(String table, EntityField old, EntityField field, int previousVersion) {
        if (old.type() == field.type() && old.type().isComposite()) {
            return;
        }
        if (old.type().isComposite() || field.type().isComposite()) {
            throw unsupported(field, old);
        }
        RecordColumn from = RecordColumns.of(old).getFirst();
        RecordColumn to = RecordColumns.of(field).getFirst();
        if (from.sameTypeAs(to)) {
            return;
        }
        if (!ValueConversion.supported(from, to)) {
            throw unsupported(field, old);
        }
        String qualified = SqlDialect.qualified(schema, table);
        String column = field.column();
        checkNoLoss(qualified, column, field, old, from, to);

        String temporary = suffixed(column, "__new");
        String kept = suffixed(column, "__v" + previousVersion);
        List<String> statements = new ArrayList<>();
        statements.add("alter table " + qualified + " add column " + quote(temporary) + " " + to.sqlType(dialect));
        statements.add("update " + qualified + " set " + quote(temporary) + " = cast(" + quote(column) + " as "
                + to.sqlType(dialect) + ")");
        if (old.required()) {
            statements.add(dialect.dropNotNull(qualified, column));
        }
        statements.add(dialect.renameColumn(qualified, column, kept));
        statements.add(dialect.renameColumn(qualified, temporary, column));
        if (field.required() && old.required()) {
            statements.add(dialect.setNotNull(qualified, column));
        }
        changeSets.add(statements);
        changedColumns.add(column);
    }

    private void checkNoLoss(String qualified, String column, EntityField field, EntityField old, RecordColumn from,
            RecordColumn to) {
        LossCount loss = new LossCount();
        jdbc.sql("select " + quote("id") + ", " + quote(column) + " from " + qualified + " where " + quote(column)
                        + " is not null order by " + quote("id"))
                .query(rs -> {
                    String value = rs.getString(2);
                    Optional<String> reason = ValueConversion.loss(value, from, to);
                    if (reason.isPresent()) {
                        loss.add(rs.getLong(1), value, reason.get());
                    }
                });
        if (loss.affected > 0) {
            throw new LossyConversionException(field.name(), describe(old), describe(field), loss.affected,
                    loss.sampleId, loss.sampleValue, loss.reasonKey);
        }
    }

    /** Counts the rows whose value a type change would alter and keeps the first as the sample. */
    private static final class LossCount {
        long affected;
        long sampleId;
        String sampleValue = "";
        String reasonKey = "";

        void add(long id, String value, String reason) {
            if (affected == 0) {
                sampleId = id;
                sampleValue = value;
                reasonKey = reason;
            }
            affected++;
        }
    }

    private void changeRequired(String table, EntityField old, EntityField field, long rows) {
        if (old.required() == field.required() || field.type().isComposite()) {
            return;
        }
        String qualified = SqlDialect.qualified(schema, table);
        String column = quote(field.column());
        if (!field.required()) {
            changeSets.add(List.of(dialect.dropNotNull(qualified, field.column())));
            return;
        }
        List<String> statements = new ArrayList<>();
        long missing = rows == 0 ? 0 : jdbc.sql("select count(*) from " + qualified + " where " + column + " is null")
                .query(Long.class).single();
        if (missing > 0) {
            if (field.defaultValue() == null) {
                Long sampleId = jdbc.sql("select min(" + quote("id") + ") from " + qualified + " where " + column
                        + " is null").query(Long.class).single();
                throw new LocalizedException("entity.migration.requiredHasNulls", field.name(), missing,
                        String.valueOf(sampleId));
            }
            statements.add("update " + qualified + " set " + column + " = "
                    + SqlLiteral.of(field, field.defaultValue()) + " where " + column + " is null");
        }
        statements.add(dialect.setNotNull(qualified, field.column()));
        changeSets.add(statements);
    }

    private String createTable(String table, List<EntityField> fields, @Nullable String parentTable) {
        StringBuilder sql = new StringBuilder("create table " + SqlDialect.qualified(schema, table) + " (\n");
        sql.append("  \"id\" bigint generated by default as identity primary key");
        if (parentTable == null) {
            sql.append(SYSTEM_COLUMNS_DDL);
        } else {
            sql.append(",\n  \"parent_id\" bigint not null references ")
                    .append(SqlDialect.qualified(schema, parentTable))
                    .append(" (\"id\"),\n  \"row_no\" int not null");
        }
        for (EntityField field : fields) {
            for (RecordColumn column : RecordColumns.of(field)) {
                sql.append(",\n  ").append(quote(column.name())).append(' ').append(column.sqlType(dialect));
                if (field.required() && !field.type().isComposite()) {
                    sql.append(" not null");
                }
            }
        }
        return sql.append("\n)").toString();
    }

    private void createChildTable(EntityDefinition draft, EntityField field) {
        String child = draft.childTable(field);
        if (!columnsOfTable.apply(child).isEmpty()) {
            // NOTE: a table field re-added under a retired name gets its old rows back; they still point at
            // their parent records.
            return;
        }
        changeSets.add(List.of(createTable(child, field.columns(), draft.table()),
                "create index " + quote(suffixed("ix_" + child + "_parent", "")) + " on "
                        + SqlDialect.qualified(schema, child) + " (\"parent_id\", \"row_no\")"));
    }

    private String createIndex(String table, TableIndex index) {
        return "create " + (index.unique() ? "unique " : "") + "index " + quote(index.name()) + " on "
                + SqlDialect.qualified(schema, table) + " ("
                + String.join(", ", index.columns().stream().map(SqlDialect::quote).toList()) + ")";
    }

    private boolean touchesChangedColumn(TableIndex index) {
        return index.columns().stream().anyMatch(changedColumns::contains);
    }

    private long countRows(String qualified) {
        return jdbc.sql("select count(*) from " + qualified).query(Long.class).single();
    }

    private static LocalizedException unsupported(EntityField field, EntityField old) {
        return new LocalizedException("entity.migration.unsupportedConversion", field.name(), describe(old),
                describe(field));
    }

    /** Describes a field's storage type for messages, for example {@code text(500)} or {@code decimal(18,4)}. */
    static String describe(EntityField field) {
        return switch (field.type()) {
            case TEXT -> "text(" + field.effectiveMaxLength() + ")";
            case DECIMAL -> "decimal(" + field.effectivePrecision() + "," + field.effectiveScale() + ")";
            default -> field.type().code();
        };
    }

    private static EntityField withType(EntityField field, EntityFieldType type) {
        return new EntityField(field.name(), type, field.labelZh(), field.labelEn(), field.required(),
                field.unique(), field.maxLength(), field.minimum(), field.maximum(), field.precision(),
                field.scale(), field.unit(), field.target(), field.dictionary(), field.values(), field.format(),
                field.defaultValue(), field.columns(), field.renamedFrom());
    }

    /** Appends {@code suffix}, shortening the name first so the result stays within 63 characters. */
    private static String suffixed(String name, String suffix) {
        int keep = Math.min(name.length(), MAX_IDENTIFIER_LENGTH - suffix.length());
        return name.substring(0, keep) + suffix;
    }
}

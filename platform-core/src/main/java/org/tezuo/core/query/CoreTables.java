package org.tezuo.core.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Named;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The platform tables of the qualification data that queries may read as {@code core.<table>}: persons, their
 * certificates, org units, posts with the certificate items they require, permit freezes and certificate warnings.
 * Each is filtered to the querying tenant in its scan (see {@link CoreTable}). Columns holding ID numbers
 * ({@code person.id_number}, and {@code certificate.cert_number}, which often embeds one) and raw registry
 * responses are left out. {@code position} is a reserved word in Calcite's SQL, so queries write {@code "position"}.
 */
final class CoreTables {

    private static final Logger log = LoggerFactory.getLogger(CoreTables.class);

    /** Name of the schema that queries use for these tables. */
    static final String QUERY_SCHEMA = "core";

    /** Name of the JDBC schema of the platform tables under the execution root; queries never see it. */
    static final String PHYSICAL_SCHEMA = "platform";

    /** Exposed columns of each table, by table name. */
    static final Map<String, List<String>> DEFINITIONS = definitions();

    private CoreTables() {
    }

    private static Map<String, List<String>> definitions() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("person", List.of("id", "name", "gender", "org_unit", "position", "permit_frozen", "frozen_at",
                "created_at", "updated_at"));
        tables.put("certificate", List.of("id", "person_id", "category", "item", "certificate_class",
                "first_issued_on", "valid_from", "valid_until", "review_due_on", "review_done_on",
                "review_extension_approved_on", "issuer", "state", "registry_result", "registry_checked_at",
                "created_at", "updated_at"));
        tables.put("org_unit", List.of("id", "parent_id", "code", "name", "kind"));
        tables.put("post", List.of("id", "code", "name"));
        tables.put("post_requirement", List.of("id", "post_id", "certificate_item", "source"));
        tables.put("certificate_freeze", List.of("id", "person_id", "certificate_id", "rule_id", "reason",
                "frozen_at", "lifted_at"));
        tables.put("certificate_warning", List.of("id", "certificate_id", "person_id", "rule_id", "kind",
                "due_date", "due_kind", "status", "created_at", "done_at", "escalated_at"));
        return Map.copyOf(tables);
    }

    /**
     * Adds the JDBC schema of the platform tables to {@code executionRoot} and the tenant's view of each table to
     * {@code queryRoot} under {@link #QUERY_SCHEMA}.
     *
     * @return the qualified names of the tables added ({@code core.person}) and their columns, in name order
     */
    static Map<String, List<String>> register(long tenantId, DataSource dataSource, SchemaPlus executionRoot,
            SchemaPlus queryRoot) {
        JdbcSchema jdbcSchema = JdbcSchema.create(executionRoot, PHYSICAL_SCHEMA, dataSource, null,
                currentSchema(dataSource));
        executionRoot.add(PHYSICAL_SCHEMA, jdbcSchema);

        Map<String, Table> views = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl();
        for (String name : DEFINITIONS.keySet().stream().sorted().toList()) {
            Named<Table> found = jdbcSchema.tables().getIgnoreCase(name);
            if (found == null || !(found.entity() instanceof JdbcTable table)) {
                log.warn("Platform table {} is missing from the database; queries cannot read it", name);
                continue;
            }
            List<String> columns = existingColumns(name, table.getRowType(typeFactory));
            views.put(name, new CoreTable(table, tenantId, columns, List.of(PHYSICAL_SCHEMA, found.name())));
            names.put(QUERY_SCHEMA + "." + name, columns);
        }
        queryRoot.add(QUERY_SCHEMA, new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
                return views;
            }
        });
        return names;
    }

    private static List<String> existingColumns(String table, RelDataType physicalType) {
        Set<String> present = physicalType.getFieldNames().stream().map(String::toLowerCase)
                .collect(Collectors.toSet());
        if (!present.contains(CoreTable.TENANT_COLUMN)) {
            throw new IllegalStateException("Platform table " + table + " has no " + CoreTable.TENANT_COLUMN
                    + " column, so it cannot be filtered to one tenant");
        }
        List<String> missing = DEFINITIONS.get(table).stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            log.warn("Columns {} of platform table {} are missing from the database; queries cannot read them",
                    missing, table);
        }
        return DEFINITIONS.get(table).stream().filter(present::contains).toList();
    }

    /** Returns the schema the data source's connections work in, where Liquibase created the platform tables. */
    private static @Nullable String currentSchema(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.getSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the current schema of the database connection", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}

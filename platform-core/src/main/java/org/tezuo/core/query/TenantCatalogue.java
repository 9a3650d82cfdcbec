package org.tezuo.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.core.entity.EntityNaming;

/**
 * The names one tenant's queries may use at one catalogue version: a table per published record entity, and the
 * tenant's rows of the platform's qualification tables under {@code core} (see {@link CoreTables}). Queries are
 * validated against {@link #queryRoot()}, which contains only those tables, so other system tables, other
 * tenants' schemas, {@code information_schema} and {@code pg_catalog} cannot be named. Generated code runs against
 * {@link #executionRoot()}, which contains the JDBC schema restricted to {@code tenant_<id>} and the JDBC schema of
 * the platform tables, which only the tenant-filtered {@link CoreTable} scans reach.
 *
 * @param version changes whenever an entity of the tenant is published; part of every plan cache key
 * @param tables queryable entity table name to its columns, in name order
 * @param coreTables qualified platform table name ({@code core.person}) to its columns, in name order
 */
record TenantCatalogue(long tenantId, String version, Map<String, List<String>> tables,
        Map<String, List<String>> coreTables, SchemaPlus queryRoot, SchemaPlus executionRoot) {

    private static final Logger log = LoggerFactory.getLogger(TenantCatalogue.class);

    /** Name of the JDBC schema under the execution root; queries never see it. */
    static final String PHYSICAL_SCHEMA = "records";

    /**
     * Builds the catalogue of {@code entities} over {@code dataSource}. An entity whose table does not exist yet
     * is left out, and so is a field whose column is missing, with a warning, because a query must not fail on
     * the database for a name the validator accepted.
     */
    static TenantCatalogue build(long tenantId, String version, List<RecordEntity> entities, DataSource dataSource) {
        SchemaPlus executionRoot = CalciteSchema.createRootSchema(false, false).plus();
        JdbcSchema jdbcSchema = JdbcSchema.create(executionRoot, PHYSICAL_SCHEMA, dataSource, null,
                EntityNaming.schemaOf(tenantId));
        executionRoot.add(PHYSICAL_SCHEMA, jdbcSchema);

        SchemaPlus queryRoot = CalciteSchema.createRootSchema(false, false).plus();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl();
        List<RecordEntity> byName = entities.stream().sorted(Comparator.comparing(RecordEntity::name)).toList();
        for (RecordEntity entity : byName) {
            Table table = jdbcSchema.tables().get(entity.name());
            if (!(table instanceof JdbcTable jdbcTable)) {
                log.warn("Entity {} of tenant {} is published as records but table {}.{} does not exist; "
                        + "it is not queryable", entity.name(), tenantId, EntityNaming.schemaOf(tenantId),
                        entity.name());
                continue;
            }
            List<String> columns = existingColumns(tenantId, entity, jdbcTable.getRowType(typeFactory));
            queryRoot.add(entity.name(), new EntityTable(jdbcTable, columns, List.of(PHYSICAL_SCHEMA, entity.name())));
            tables.put(entity.name(), columns);
        }
        Map<String, List<String>> coreTables = CoreTables.register(tenantId, dataSource, executionRoot, queryRoot);
        return new TenantCatalogue(tenantId, version, Map.copyOf(tables), Map.copyOf(coreTables), queryRoot,
                executionRoot);
    }

    private static List<String> existingColumns(long tenantId, RecordEntity entity, RelDataType physicalType) {
        Set<String> present = new HashSet<>(physicalType.getFieldNames());
        List<String> columns = new ArrayList<>();
        for (String column : entity.queryableColumns()) {
            if (present.contains(column)) {
                columns.add(column);
            } else {
                log.warn("Column {} of entity {} (tenant {}, version {}) is missing from its table; it is not "
                        + "queryable", column, entity.name(), tenantId, entity.version());
            }
        }
        return columns;
    }

    /** Returns the queryable entity table names in alphabetical order, for error messages. */
    List<String> tableNames() {
        return tables.keySet().stream().sorted().toList();
    }

    /** Returns the qualified platform table names in alphabetical order, for error messages. */
    List<String> coreTableNames() {
        return coreTables.keySet().stream().sorted().toList();
    }
}

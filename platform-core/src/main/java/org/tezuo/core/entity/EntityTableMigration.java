package org.tezuo.core.entity;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.PublicationStep;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Migrates the table of an entity that stores records when a version of it is published. It plans the change from
 * the previous published version, rejecting the publish before any change when data would be lost, and runs the
 * plan as a Liquibase changelog in the publishing transaction.
 */
@Component
class EntityTableMigration implements PublicationStep {

    private static final Logger log = LoggerFactory.getLogger(EntityTableMigration.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final EntityCatalog catalog;

    EntityTableMigration(DataSource dataSource, JdbcClient jdbc, EntityCatalog catalog) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Override
    public boolean appliesTo(MetadataDocument draft) {
        return draft.kind() == MetadataKind.ENTITY
                && EntityDefinition.RECORDS_STORAGE.equals(draft.body().path("storage").asString(""));
    }

    @Override
    public void beforePublish(MetadataDocument draft, Optional<MetadataDocument> previous) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Publishing " + draft.reference() + " needs a transaction");
        }
        EntityDefinition entity = EntityDefinitionParser.parse(draft.body());
        requirePublishedTargets(draft.tenantId(), entity, entity.fields());
        Optional<EntityDefinition> before = previous.map(doc -> EntityDefinitionParser.parse(doc.body()))
                .filter(EntityDefinition::storesRecords);
        String schema = EntityNaming.schemaOf(draft.tenantId());
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            SqlDialect dialect = SqlDialect.of(connection);
            MigrationPlanner planner = new MigrationPlanner(jdbc, dialect, schema, draft.version(),
                    table -> columnsOf(connection, schema, table));
            List<List<String>> changeSets = planner.plan(entity, before, previous.map(MetadataDocument::version)
                    .orElse(0));
            String idPrefix = schema + "/" + entity.name() + "@" + draft.version();
            log.info("Migrating {}.{} for {}: {} change set(s)", schema, entity.table(), draft.reference(),
                    changeSets.size());
            TransactionalChangelogRunner.run(connection, idPrefix, changeSets);
        } catch (SQLException | LiquibaseException e) {
            log.warn("Migration of {} failed; the publish is rolled back", draft.reference(), e);
            throw new LocalizedException("entity.migration.failed", draft.reference(), rootMessage(e));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A record of this entity needs its reference targets' tables, so targets must be published first. */
    private void requirePublishedTargets(long tenantId, EntityDefinition entity, List<EntityField> fields) {
        Map<String, EntityDefinition> published = catalog.publishedRecordEntities(tenantId);
        for (EntityField field : fields) {
            String target = field.target();
            if (field.type() == EntityFieldType.REFERENCE && target != null && !target.equals(entity.name())
                    && !published.containsKey(target)) {
                throw new LocalizedException("entity.migration.targetNotPublished", field.name(), target);
            }
            if (field.type() == EntityFieldType.TABLE) {
                requirePublishedTargets(tenantId, entity, field.columns());
            }
        }
    }

    private static Set<String> columnsOf(Connection connection, String schema, String table) {
        Set<String> columns = new LinkedHashSet<>();
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getColumns(null, schema, table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the columns of " + schema + "." + table, e);
        }
        return columns;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}

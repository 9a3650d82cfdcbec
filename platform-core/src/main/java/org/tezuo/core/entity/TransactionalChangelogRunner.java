package org.tezuo.core.entity;

import java.sql.Connection;
import java.util.List;
import liquibase.Scope;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.executor.ExecutorService;

/**
 * Runs a changelog built in memory on the connection of the current Spring transaction. Liquibase commits after
 * each change set; here those commits are ignored, so on PostgreSQL the DDL, the data copies and the {@code
 * DATABASECHANGELOG} rows commit or roll back with the rest of the publish.
 *
 * <p>NOTE: H2 commits every DDL statement implicitly, so on H2 a publish that fails after its first DDL statement
 * leaves that DDL applied. Every data check runs before the first statement to keep such failures rare.
 *
 * <p>The change sets are recorded in the application's own {@code DATABASECHANGELOG}: their file path {@value
 * #CHANGELOG_PATH} and ids ({@code <tenant schema>/<entity>@<version>/<n>}) never clash with the application's
 * changelog, and the startup run ignores rows it has no change set for.
 */
final class TransactionalChangelogRunner {

    /** File path recorded for every entity change set. */
    static final String CHANGELOG_PATH = "tezuo/entity-records";
    static final String AUTHOR = "tezuo";

    private TransactionalChangelogRunner() {
    }

    /**
     * Runs {@code changeSets} in order, each a list of SQL statements, recording each under its id.
     *
     * @param idPrefix for example {@code tenant_7/work_log@2}; change set {@code n} gets {@code <prefix>/<n>}
     */
    static void run(Connection connection, String idPrefix, List<List<String>> changeSets)
            throws LiquibaseException {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new TransactionBoundConnection(connection));
        try {
            DatabaseChangeLog changeLog = new DatabaseChangeLog(CHANGELOG_PATH);
            for (int i = 0; i < changeSets.size(); i++) {
                ChangeSet changeSet = new ChangeSet(idPrefix + "/" + (i + 1), AUTHOR, false, false, CHANGELOG_PATH,
                        null, null, changeLog);
                for (String sql : changeSets.get(i)) {
                    RawSQLChange change = new RawSQLChange(sql);
                    change.setSplitStatements(false);
                    change.setStripComments(false);
                    changeSet.addChange(change);
                }
                changeLog.addChangeSet(changeSet);
            }

            StandardChangeLogHistoryService history = new StandardChangeLogHistoryService();
            history.setDatabase(database);
            history.init();
            history.generateDeploymentId();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                ChangeSet.ExecType result = changeSet.execute(changeLog, database);
                history.setExecType(changeSet, result);
            }
        } finally {
            Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor(database);
        }
    }

    /**
     * The transaction's connection with commit, rollback, auto-commit changes and close turned into no-ops: the
     * Spring transaction that owns the connection decides its outcome.
     */
    private static final class TransactionBoundConnection extends JdbcConnection {

        TransactionBoundConnection(Connection connection) {
            super(connection);
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void setAutoCommit(boolean autoCommit) {
        }

        @Override
        public void close() throws DatabaseException {
        }
    }
}

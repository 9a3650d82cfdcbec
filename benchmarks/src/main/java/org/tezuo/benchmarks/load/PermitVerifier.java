package org.tezuo.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks in the database, over JDBC, that the run lost and duplicated no permit: every permit the driver created
 * exists once, no other permit of the demo tenant was created during the run, every permit the driver saw issued
 * is {@code ISSUED} in the database with the same number, and no permit number occurs twice in the tenant.
 */
final class PermitVerifier {

    /**
     * Result of the check.
     *
     * @param created permits the driver got a 201 for
     * @param issued of those, permits the driver saw issued and the database holds as issued with the same number
     * @param lost permits the driver created that the database does not hold
     * @param duplicateIds permit ids the driver received more than once
     * @param unexpected permits of the tenant created during the run that the driver never received
     * @param wrongState permits the driver saw issued that differ in the database, with what the database holds
     * @param duplicateNumbers permit numbers held by more than one permit of the tenant, with their count
     * @param statesOfCreated the database status of every created permit, counted
     */
    record Result(int created, int issued, List<Long> lost, List<Long> duplicateIds, List<Long> unexpected,
            Map<Long, String> wrongState, Map<String, Integer> duplicateNumbers, Map<String, Integer> statesOfCreated) {

        boolean passed() {
            return lost.isEmpty() && duplicateIds.isEmpty() && unexpected.isEmpty() && wrongState.isEmpty()
                    && duplicateNumbers.isEmpty();
        }
    }

    private record Row(String status, @Nullable String permitNumber) {
    }

    private final LoadOptions options;

    PermitVerifier(LoadOptions options) {
        this.options = options;
    }

    /** Returns the highest permit id before the run, so that the check reads only the run's permits. */
    long highestPermitId() throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("select coalesce(max(id), 0) from permit");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Result verify(long idsAfter, Collection<Long> createdIds, Collection<PermitScenario.Outcome> outcomes)
            throws SQLException {
        try (Connection connection = connect()) {
            long tenantId = demoTenant(connection);
            Map<Long, Row> rows = permitsAfter(connection, tenantId, idsAfter);
            Set<Long> created = new HashSet<>();
            List<Long> duplicateIds = new ArrayList<>();
            Map<String, Integer> states = new TreeMap<>();
            List<Long> lost = new ArrayList<>();
            for (long id : createdIds) {
                if (!created.add(id)) {
                    duplicateIds.add(id);
                }
                Row row = rows.get(id);
                if (row == null) {
                    lost.add(id);
                } else {
                    states.merge(row.status(), 1, Integer::sum);
                }
            }
            List<Long> unexpected = rows.keySet().stream().filter(id -> !created.contains(id)).sorted().toList();
            Map<Long, String> wrongState = new TreeMap<>();
            int issued = 0;
            for (PermitScenario.Outcome outcome : outcomes) {
                Row row = rows.get(outcome.permitId());
                if (row != null && outcome.issued() && "ISSUED".equals(row.status())
                        && row.permitNumber() != null && row.permitNumber().equals(outcome.permitNumber())) {
                    issued++;
                } else {
                    wrongState.put(outcome.permitId(), row == null ? "missing" : row.status() + " "
                            + row.permitNumber() + ", driver saw issued=" + outcome.issued() + " "
                            + outcome.permitNumber());
                }
            }
            return new Result(created.size(), issued, lost, duplicateIds, unexpected, wrongState,
                    duplicateNumbers(connection, tenantId), states);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(options.databaseUrl(), options.databaseUser(), options.databasePassword());
    }

    private static long demoTenant(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select id from tenant where code = 'demo'");
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("The database has no demo tenant (tenant code 'demo')");
            }
            return rows.getLong(1);
        }
    }

    private static Map<Long, Row> permitsAfter(Connection connection, long tenantId, long idsAfter)
            throws SQLException {
        Map<Long, Row> rows = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, status, permit_number from permit where tenant_id = ? and id > ?")) {
            statement.setLong(1, tenantId);
            statement.setLong(2, idsAfter);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getLong(1), new Row(result.getString(2), result.getString(3)));
                }
            }
        }
        return rows;
    }

    private static Map<String, Integer> duplicateNumbers(Connection connection, long tenantId) throws SQLException {
        Map<String, Integer> duplicates = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select permit_number, count(*) from permit
                where tenant_id = ? and permit_number is not null
                group by permit_number having count(*) > 1""")) {
            statement.setLong(1, tenantId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    duplicates.put(result.getString(1), result.getInt(2));
                }
            }
        }
        return duplicates;
    }
}

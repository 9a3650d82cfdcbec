package org.tezuo.core.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A filtered list over 100,000 records on PostgreSQL, through the query layer (cached plan, bound parameters,
 * value conversion) and as hand-written JDBC with the same statement shape. {@code page} returns the newest 50 of
 * the 5,000 matching rows; {@code all} returns every matching row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordsListBenchmark {

    @Param({"page", "all"})
    public String shape;

    private RecordsFixture fixture;
    private QueryPlan plan;
    private long fetch;
    private String handWrittenSql;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = new RecordsFixture();
        fetch = "page".equals(shape) ? 50 : RecordsFixture.ROWS;
        plan = new QueryPlanner().plan(fixture.catalogue(), QueryPlanningBenchmark.LIST_SQL, 0, fetch);
        handWrittenSql = "select \"id\", \"site\", \"status\", \"hours\" from \"tenant_" + RecordsFixture.TENANT_ID
                + "\".\"work_order\" where \"deleted_at\" is null and \"site\" = ? and \"hours\" >= ? "
                + "order by \"id\" desc limit " + fetch;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Benchmark
    public QueryResult calcite() {
        return QueryExecutor.execute(plan, List.of("site-3", 20L), Duration.ofSeconds(30), fetch, true);
    }

    @Benchmark
    public List<Object[]> handWritten() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = fixture.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(handWrittenSql)) {
            statement.setString(1, "site-3");
            statement.setLong(2, 20L);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(new Object[] {resultSet.getLong(1), resultSet.getString(2), resultSet.getString(3),
                            resultSet.getLong(4)});
                }
            }
        }
        return rows;
    }
}

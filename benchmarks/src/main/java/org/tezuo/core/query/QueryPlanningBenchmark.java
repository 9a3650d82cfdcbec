package org.tezuo.core.query;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time to plan a list query: {@code cold} parses, validates, optimises and compiles it on every call, as the
 * first run of a SQL text does; {@code cached} is the plan cache lookup that every later run of the same text
 * does instead. Calcite keeps compiled classes by generated source, so {@code cold} pays the Janino compile only
 * on its first call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryPlanningBenchmark {

    static final String LIST_SQL = "select id, site, status, hours from work_order "
            + "where site = ? and hours >= ? order by id desc";

    private RecordsFixture fixture;
    private QueryPlanner planner;
    private QueryPlanCache cache;
    private QueryPlanCache.Key key;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = new RecordsFixture();
        planner = new QueryPlanner();
        cache = new QueryPlanCache(500);
        key = new QueryPlanCache.Key(RecordsFixture.TENANT_ID, fixture.catalogue().version(), LIST_SQL, 0, 51L);
        cache.put(key, planner.plan(fixture.catalogue(), LIST_SQL, 0, 51L));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Benchmark
    public QueryPlan cold() {
        return planner.plan(fixture.catalogue(), LIST_SQL, 0, 51L);
    }

    @Benchmark
    public QueryPlan cached() {
        return cache.find(new QueryPlanCache.Key(RecordsFixture.TENANT_ID, fixture.catalogue().version(), LIST_SQL,
                0, 51L)).orElseThrow();
    }
}

package org.tezuo.core.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Runs SELECT statements over a tenant's published record entities and its rows of the platform's qualification
 * tables, such as {@code core.person} and {@code core.certificate}. Each tenant has a catalogue that is rebuilt
 * when its catalogue version changes because an entity was published. Plans are cached by tenant, catalogue
 * version, SQL text and paging. Parameters are written {@code :name} (or {@code ?}, named "1", "2", ...) and
 * always bound. Ad hoc queries return at most {@code tezuo.query.max-rows} rows and are cancelled after
 * {@code tezuo.query.timeout}.
 *
 * <p>NOTE: JDBC query time-outs are whole seconds and Calcite rounds the time left down, so a time-out under two
 * seconds rejects every statement before it is sent.
 */
@Component
public class QueryEngine {

    private static final Logger log = LoggerFactory.getLogger(QueryEngine.class);

    private final DataSource dataSource;
    private final PublishedRecordEntities entities;
    private final QueryPlanner planner = new QueryPlanner();
    private final QueryPlanCache plans;
    private final Map<Long, TenantCatalogue> catalogues = new ConcurrentHashMap<>();
    private final long maxRows;
    private final Duration timeout;

    QueryEngine(DataSource dataSource, PublishedRecordEntities entities,
            @Value("${tezuo.query.max-rows:1000}") long maxRows,
            @Value("${tezuo.query.timeout:30s}") Duration timeout,
            @Value("${tezuo.query.plan-cache-size:500}") int planCacheSize) {
        // Transaction-aware, so a document check that runs inside a publishing transaction reads the tables that
        // the same transaction has just created (PostgreSQL DDL is transactional).
        this.dataSource = dataSource instanceof TransactionAwareDataSourceProxy ? dataSource
                : new TransactionAwareDataSourceProxy(dataSource);
        this.entities = entities;
        this.maxRows = maxRows;
        this.timeout = timeout;
        this.plans = new QueryPlanCache(planCacheSize);
    }

    /**
     * Runs an ad hoc query: at most {@code tezuo.query.max-rows} rows, the rest reported as truncated.
     *
     * @throws QueryException when the SQL is invalid for the tenant, a parameter is missing or the run fails
     */
    public QueryResult runAdHoc(long tenantId, String sql, Map<String, ?> parameters) {
        return run(tenantId, sql, parameters, 0, maxRows);
    }

    /**
     * Runs a query and returns rows {@code offset + 1} to {@code offset + pageSize}, with the limit pushed down to
     * the database. {@code pageSize} is capped at {@code tezuo.query.max-rows}.
     */
    public QueryResult run(long tenantId, String sql, Map<String, ?> parameters, long offset, long pageSize) {
        NamedParameters named = NamedParameters.parse(sql);
        long fetch = Math.min(pageSize, maxRows);
        TenantCatalogue catalogue = catalogue(tenantId);
        QueryPlanCache.Key key = new QueryPlanCache.Key(tenantId, catalogue.version(), named.sql(), offset,
                fetch + 1);
        boolean cached = true;
        QueryPlan plan = plans.find(key).orElse(null);
        if (plan == null) {
            cached = false;
            plan = planner.plan(catalogue, named.sql(), offset, fetch + 1);
            plans.put(key, plan);
        }
        List<Object> values = ParameterBinder.bind(named.names(), plan.parameterTypes(), parameters);
        return QueryExecutor.execute(plan, values, timeout, fetch, cached);
    }

    /**
     * Runs a query of the platform's own code, such as a report, and returns every row. The statement keeps its
     * own limit, if any, and the time-out {@code tezuo.query.timeout} still applies.
     *
     * @throws QueryException when the SQL is invalid for the tenant, a parameter is missing or the run fails
     */
    public QueryResult runAll(long tenantId, String sql, Map<String, ?> parameters) {
        NamedParameters named = NamedParameters.parse(sql);
        TenantCatalogue catalogue = catalogue(tenantId);
        QueryPlanCache.Key key = new QueryPlanCache.Key(tenantId, catalogue.version(), named.sql(), 0, null);
        boolean cached = true;
        QueryPlan plan = plans.find(key).orElse(null);
        if (plan == null) {
            cached = false;
            plan = planner.plan(catalogue, named.sql(), 0, null);
            plans.put(key, plan);
        }
        List<Object> values = ParameterBinder.bind(named.names(), plan.parameterTypes(), parameters);
        return QueryExecutor.execute(plan, values, timeout, Long.MAX_VALUE, cached);
    }

    /**
     * Checks that {@code sql} is a SELECT statement that names only the tenant's published record entities and
     * their fields.
     *
     * @throws QueryException naming the first problem and its position
     */
    public void validate(long tenantId, String sql) {
        planner.validate(catalogue(tenantId), NamedParameters.parse(sql).sql());
    }

    /** Returns the distinct parameter names of {@code sql} in order of first use. */
    public List<String> parameterNames(String sql) {
        return NamedParameters.parse(sql).distinctNames();
    }

    /** Returns the entity tables the tenant can query and their columns, in name order; {@code core} tables aside. */
    public Map<String, List<String>> tables(long tenantId) {
        return new TreeMap<>(catalogue(tenantId).tables());
    }

    long planCacheHits() {
        return plans.hits();
    }

    long planCacheMisses() {
        return plans.misses();
    }

    private TenantCatalogue catalogue(long tenantId) {
        String version = entities.catalogueVersion(tenantId);
        TenantCatalogue current = catalogues.get(tenantId);
        if (current != null && current.version().equals(version)) {
            return current;
        }
        TenantCatalogue rebuilt = TenantCatalogue.build(tenantId, version, entities.load(tenantId), dataSource);
        catalogues.put(tenantId, rebuilt);
        plans.evictTenant(tenantId);
        log.info("Built query catalogue of tenant {} at version [{}]: {} tables", tenantId, version,
                rebuilt.tables().size());
        return rebuilt;
    }
}

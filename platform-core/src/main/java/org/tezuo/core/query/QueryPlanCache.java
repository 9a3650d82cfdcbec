package org.tezuo.core.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Compiled plans by tenant, catalogue version, SQL text and paging, least recently used first out. A plan of an
 * older catalogue version is never returned, because the version is part of the key; {@link #evictTenant} drops
 * such plans when a tenant's catalogue changes.
 */
final class QueryPlanCache {

    /** Identity of a plan. {@code fetch} is null when the statement keeps its own limit. */
    record Key(long tenantId, String catalogueVersion, String sql, long offset, @Nullable Long fetch) {
    }

    private final int maxEntries;
    private final Map<Key, QueryPlan> plans;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    QueryPlanCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.plans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, QueryPlan> eldest) {
                return size() > QueryPlanCache.this.maxEntries;
            }
        };
    }

    synchronized Optional<QueryPlan> find(Key key) {
        QueryPlan plan = plans.get(key);
        (plan == null ? misses : hits).incrementAndGet();
        return Optional.ofNullable(plan);
    }

    synchronized void put(Key key, QueryPlan plan) {
        plans.put(key, plan);
    }

    synchronized void evictTenant(long tenantId) {
        plans.keySet().removeIf(key -> key.tenantId() == tenantId);
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}

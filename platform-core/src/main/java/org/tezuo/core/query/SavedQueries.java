package org.tezuo.core.query;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;

/** Runs the tenant's published {@code query} documents a page at a time. */
@Component
public class SavedQueries {

    private final MetadataStore store;
    private final QueryEngine engine;

    SavedQueries(MetadataStore store, QueryEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    /**
     * Returns the newest published version of query {@code key}.
     *
     * @throws org.tezuo.core.metadata.MetadataNotFoundException when none is published
     */
    public SavedQuery require(long tenantId, String key) {
        return SavedQuery.parse(key, store.requirePublished(tenantId, MetadataKind.QUERY, key).body());
    }

    /**
     * Runs query {@code key} and returns page {@code page} (1-based) of the document's page size, or of
     * {@code pageSize} when it is positive.
     */
    public QueryResult run(long tenantId, String key, Map<String, ?> parameters, int page, int pageSize) {
        SavedQuery query = require(tenantId, key);
        int size = pageSize > 0 ? pageSize : query.pageSize();
        long offset = (long) Math.max(page - 1, 0) * size;
        return engine.run(tenantId, query.sql(), parameters, offset, size);
    }
}

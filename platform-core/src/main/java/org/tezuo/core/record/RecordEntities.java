package org.tezuo.core.record;

import org.springframework.stereotype.Component;
import org.tezuo.core.entity.EntityCatalog;
import org.tezuo.core.entity.PublishedEntity;

/** Resolves the entity name of a record request to the tenant's published entity that stores records. */
@Component
public class RecordEntities {

    private final EntityCatalog catalog;

    public RecordEntities(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    /** Returns the entity called {@code name} or throws {@link EntityNotFoundException}. */
    public PublishedEntity require(long tenantId, String name) {
        return catalog.findPublished(tenantId, name).orElseThrow(() -> new EntityNotFoundException(name));
    }
}

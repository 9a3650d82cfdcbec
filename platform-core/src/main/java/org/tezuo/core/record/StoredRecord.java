package org.tezuo.core.record;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record as stored.
 *
 * @param id record id, unique within the entity's table
 * @param entityVersion entity version the record was last written under
 * @param formKey key of the form the record was created with, or null
 * @param formVersion version of that form, or null
 * @param rowVersion optimistic-locking counter; an update must name the current value
 * @param data field values by field name; a geoPoint is {@code {lat, lon}}, a gasReading {@code {gas, value,
 *     unit, readAt}}, a table an array of row objects; the accessor returns a copy
 */
public record StoredRecord(long id, int entityVersion, @Nullable String formKey, @Nullable Integer formVersion,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, int rowVersion, ObjectNode data) {

    public StoredRecord {
        data = data.deepCopy();
    }

    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }
}

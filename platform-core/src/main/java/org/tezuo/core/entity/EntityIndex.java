package org.tezuo.core.entity;

import java.util.List;

/**
 * An index over fields of an entity's table.
 *
 * @param fields field names in index order
 * @param unique whether no two rows may share the indexed values
 */
public record EntityIndex(List<String> fields, boolean unique) {

    public EntityIndex {
        fields = List.copyOf(fields);
    }
}

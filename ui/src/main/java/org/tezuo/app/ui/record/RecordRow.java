package org.tezuo.app.ui.record;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a records list.
 *
 * @param id the record id
 * @param values column name to its value as the query layer returns it: dates are {@link java.time.LocalDate},
 *     timestamps {@link java.time.Instant}, decimals {@link java.math.BigDecimal}, SQL null is absent
 */
record RecordRow(long id, Map<String, Object> values) {

    RecordRow {
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    @Nullable Object value(String column) {
        return values.get(column);
    }
}

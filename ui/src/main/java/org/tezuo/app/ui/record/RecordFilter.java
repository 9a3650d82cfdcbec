package org.tezuo.app.ui.record;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.query.SavedQuery;

/**
 * The filter bar's selection on a records list. Every part is optional and the parts combine with AND.
 *
 * @param text text that at least one text column must contain, ignoring case; blank for none
 * @param enumCodes enum column to the code it must equal
 * @param dateColumn the date or date-time column that {@code from} and {@code to} bound, or null
 * @param from first day of the range in the tenant's zone, inclusive, or null
 * @param to last day of the range in the tenant's zone, inclusive, or null
 * @param savedFilter a published {@code filter} query whose condition applies too, or null
 */
record RecordFilter(String text, Map<String, String> enumCodes, @Nullable String dateColumn,
        @Nullable LocalDate from, @Nullable LocalDate to, @Nullable SavedQuery savedFilter) {

    static final RecordFilter NONE = new RecordFilter("", Map.of(), null, null, null, null);

    RecordFilter {
        enumCodes = Map.copyOf(enumCodes);
    }
}

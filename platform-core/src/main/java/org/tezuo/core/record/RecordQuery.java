package org.tezuo.core.record;

import java.util.ArrayList;
import java.util.List;

/**
 * A request for one page of records: filters in the form {@code field:operator:value} (values of {@code in}
 * separated by {@code |}), sort keys such as {@code name} or {@code -createdAt} (minus for descending), and paging.
 *
 * @param filters filter expressions, all of which must hold
 * @param sort sort keys in order; the id breaks ties
 * @param page page number from 0
 * @param size page size from 1 to {@value #MAX_SIZE}
 */
public record RecordQuery(List<String> filters, List<String> sort, int page, int size) {

    /** Largest page size. */
    public static final int MAX_SIZE = 200;
    /** Page size when the request names none. */
    public static final int DEFAULT_SIZE = 20;

    public RecordQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidRecordQueryException("record.page.invalid", MAX_SIZE);
        }
    }

    /** Returns the first page of all records in id order. */
    public static RecordQuery firstPage() {
        return new RecordQuery(List.of(), List.of(), 0, DEFAULT_SIZE);
    }

    /** Splits a comma-separated sort parameter such as {@code -createdAt,name}. */
    public static List<String> sortKeys(String sortParameter) {
        List<String> keys = new ArrayList<>();
        for (String key : sortParameter.split(",")) {
            if (!key.isBlank()) {
                keys.add(key.trim());
            }
        }
        return keys;
    }
}

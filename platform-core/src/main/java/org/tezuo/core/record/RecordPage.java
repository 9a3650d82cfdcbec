package org.tezuo.core.record;

import java.util.List;

/**
 * One page of a record list.
 *
 * @param items records of the page in the requested order
 * @param page page number, from 0
 * @param size page size
 * @param total number of live records that match the filters
 */
public record RecordPage(List<StoredRecord> items, int page, int size, long total) {

    public RecordPage {
        items = List.copyOf(items);
    }
}

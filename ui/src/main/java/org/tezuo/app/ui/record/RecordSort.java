package org.tezuo.app.ui.record;

/** One sort column of a records list; the column must be one of the list's columns. */
record RecordSort(String column, boolean descending) {
}

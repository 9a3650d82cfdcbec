package org.tezuo.core.qualification.roster;

import java.util.List;

/**
 * The result of importing one ledger file.
 *
 * @param batchId id of the {@code roster_import} record of this import
 * @param headerRowNumber spreadsheet row number of the detected header
 * @param rows one outcome per non-blank data row, in file order
 */
public record RosterImportResult(long batchId, String fileName, LedgerFileType fileType, int headerRowNumber,
        List<RowOutcome> rows) {

    public RosterImportResult {
        rows = List.copyOf(rows);
    }

    public long created() {
        return count(RowStatus.CREATED);
    }

    public long updated() {
        return count(RowStatus.UPDATED);
    }

    public long unchanged() {
        return count(RowStatus.UNCHANGED);
    }

    public long rejected() {
        return count(RowStatus.REJECTED);
    }

    /** Returns every error of every rejected row, in file order, for display or the error report. */
    public List<RowError> errors() {
        return rows.stream().flatMap(row -> row.errors().stream()).toList();
    }

    private long count(RowStatus status) {
        return rows.stream().filter(row -> row.status() == status).count();
    }
}

package org.tezuo.core.qualification.roster;

import java.util.List;

/**
 * One non-blank row of a ledger.
 *
 * @param rowNumber the row number a spreadsheet program shows, starting at 1
 */
record LedgerRow(int rowNumber, List<LedgerCell> cells) {

    LedgerRow {
        cells = List.copyOf(cells);
    }

    LedgerCell cell(int columnIndex) {
        return columnIndex < cells.size() ? cells.get(columnIndex) : LedgerCell.BLANK;
    }

    static boolean isBlank(List<LedgerCell> cells) {
        return cells.stream().allMatch(LedgerCell::isBlank);
    }
}

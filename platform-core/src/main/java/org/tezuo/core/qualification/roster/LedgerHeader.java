package org.tezuo.core.qualification.roster;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The header row of a ledger: which column contains which field, and the header text the file used for it.
 *
 * @param rowNumber spreadsheet row number of the header
 * @param columnIndex zero-based column of each field found in the header
 * @param headerText the header cell text of each field found, as written in the file
 */
record LedgerHeader(int rowNumber, Map<LedgerField, Integer> columnIndex, Map<LedgerField, String> headerText) {

    /** Rows searched for the header, title rows included. */
    static final int SEARCH_ROWS = 10;

    /** Known columns a row needs to count as the header. */
    static final int MIN_MATCHED_COLUMNS = 3;

    LedgerHeader {
        columnIndex = Collections.unmodifiableMap(new EnumMap<>(columnIndex));
        headerText = Collections.unmodifiableMap(new EnumMap<>(headerText));
    }

    /**
     * Finds the header: the first of the first {@value #SEARCH_ROWS} non-blank rows in which at least
     * {@value #MIN_MATCHED_COLUMNS} cells name known columns.
     *
     * @throws RosterImportException when no row qualifies, two columns name the same field, or a required
     *     column is missing
     */
    static LedgerHeader detect(List<LedgerRow> rows, LedgerProfile profile, String fileName) {
        for (LedgerRow row : rows.subList(0, Math.min(SEARCH_ROWS, rows.size()))) {
            Map<LedgerField, Integer> matched = matchColumns(row, profile);
            if (matched.size() >= MIN_MATCHED_COLUMNS) {
                return header(row, profile, fileName);
            }
        }
        throw new RosterImportException("header.notFound", fileName, String.valueOf(SEARCH_ROWS),
                String.valueOf(MIN_MATCHED_COLUMNS), requiredLabels(profile));
    }

    boolean present(LedgerField field) {
        return columnIndex.containsKey(field);
    }

    Optional<LedgerCell> cell(LedgerRow row, LedgerField field) {
        Integer index = columnIndex.get(field);
        return index == null ? Optional.empty() : Optional.of(row.cell(index));
    }

    String header(LedgerField field) {
        return headerText.getOrDefault(field, field.fieldName());
    }

    private static Map<LedgerField, Integer> matchColumns(LedgerRow row, LedgerProfile profile) {
        Map<LedgerField, Integer> matched = new EnumMap<>(LedgerField.class);
        for (int index = 0; index < row.cells().size(); index++) {
            int column = index;
            profile.fieldForHeader(row.cell(index).display()).ifPresent(field -> matched.putIfAbsent(field, column));
        }
        return matched;
    }

    private static LedgerHeader header(LedgerRow row, LedgerProfile profile, String fileName) {
        Map<LedgerField, Integer> columns = new EnumMap<>(LedgerField.class);
        Map<LedgerField, String> texts = new EnumMap<>(LedgerField.class);
        for (int index = 0; index < row.cells().size(); index++) {
            String text = row.cell(index).display().strip();
            Optional<LedgerField> field = profile.fieldForHeader(text);
            if (field.isEmpty()) {
                continue;
            }
            if (columns.containsKey(field.get())) {
                throw new RosterImportException("header.duplicateColumn", fileName, String.valueOf(row.rowNumber()),
                        texts.get(field.get()), text, profile.require(field.get()).labelZh());
            }
            columns.put(field.get(), index);
            texts.put(field.get(), text);
        }

        List<String> missing = profile.columns().values().stream()
                .filter(column -> column.required() && !columns.containsKey(column.field()))
                .map(column -> column.labelZh() + "（" + String.join("/", column.headerSynonyms().stream().distinct()
                        .toList()) + "）")
                .toList();
        if (!missing.isEmpty()) {
            throw new RosterImportException("header.missingColumns", fileName, String.valueOf(row.rowNumber()),
                    String.join("、", missing));
        }
        return new LedgerHeader(row.rowNumber(), columns, texts);
    }

    private static String requiredLabels(LedgerProfile profile) {
        return profile.columns().values().stream().filter(LedgerColumn::required).map(LedgerColumn::labelZh)
                .collect(Collectors.joining("、"));
    }
}

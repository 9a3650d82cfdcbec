package org.tezuo.core.qualification.roster;

import java.util.List;
import java.util.Locale;

/**
 * The reason one ledger row, or one cell of it, was rejected.
 *
 * @param rowNumber spreadsheet row number
 * @param column the header text of the offending column as the file wrote it
 * @param value the offending value as the user sees it; empty when the value is missing
 * @param reasonKey key of the reason in the roster message catalogue
 * @param reasonArguments the reason's arguments (the value, the accepted values, the limit)
 */
public record RowError(int rowNumber, String column, String value, String reasonKey, List<String> reasonArguments) {

    public RowError {
        reasonArguments = List.copyOf(reasonArguments);
    }

    static RowError of(int rowNumber, String column, String value, RosterLocalizedException reason) {
        List<String> arguments = java.util.Arrays.stream(reason.arguments()).map(String::valueOf).toList();
        return new RowError(rowNumber, column, value, reason.messageKey(), arguments);
    }

    /** Renders the reason alone, for the 原因 column of the error report. */
    public String reason(Locale locale) {
        return RosterMessages.render(locale, reasonKey, reasonArguments.toArray());
    }

    /** Renders row, column and reason, for example 第 12 行“有效期至”列：“2019-13-05”不是有效日期…. */
    public String message(Locale locale) {
        return RosterMessages.render(locale, "row.error", String.valueOf(rowNumber), column, reason(locale));
    }
}

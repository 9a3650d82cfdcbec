package org.tezuo.core.qualification.health;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/** The columns of the report, shared by the PDF and the xlsx writer so both show the same measures. */
final class HealthReportColumns {

    static final String BUNDLE = "org.tezuo.core.qualification.health.messages";

    /**
     * One column: a caption key and the value of a row, a {@link String}, {@link Integer}, {@link BigDecimal} or
     * null when the measure does not apply (no persons, no review due, nobody frozen).
     */
    record Column(String captionKey, Function<HealthRow, @Nullable Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("column.unit", HealthRow::name),
            new Column("column.level", row -> row.level()),
            new Column("column.persons", row -> row.current().personsInScope()),
            new Column("column.coverage", row -> row.current().coveragePercent()),
            new Column("column.coverageChange", row -> HealthRow.change(row.current().coveragePercent(),
                    row.previous().coveragePercent())),
            new Column("column.overdue", row -> row.current().overdueCertificates()),
            new Column("column.overdueChange", row -> row.current().overdueCertificates()
                    - row.previous().overdueCertificates()),
            new Column("column.due30", row -> row.current().dueWithin30Days()),
            new Column("column.due90", row -> row.current().dueWithin90Days()),
            new Column("column.onTime", row -> row.current().onTimeReviewPercent()),
            new Column("column.onTimeChange", row -> HealthRow.change(row.current().onTimeReviewPercent(),
                    row.previous().onTimeReviewPercent())),
            new Column("column.frozen", row -> row.current().frozenPersons()),
            new Column("column.frozenChange", row -> row.current().frozenPersons() - row.previous().frozenPersons()),
            new Column("column.daysFrozen", row -> row.current().averageDaysFrozen()));

    private HealthReportColumns() {
    }

    static String text(Locale locale, String key, Object... arguments) {
        return UserMessages.render(BUNDLE, locale, key, arguments);
    }

    /** Returns the value as the PDF shows it: the level as a word, changes with a sign, missing values as "—". */
    static String display(Column column, HealthRow row, Locale locale) {
        Object value = column.value().apply(row);
        if (value == null) {
            return "—";
        }
        if (column.captionKey().equals("column.level")) {
            return text(locale, "level." + value);
        }
        boolean change = column.captionKey().endsWith("Change");
        if (value instanceof BigDecimal number) {
            return (change && number.signum() > 0 ? "+" : "") + number.toPlainString();
        }
        if (value instanceof Integer number) {
            return (change && number > 0 ? "+" : "") + number;
        }
        return value.toString();
    }
}

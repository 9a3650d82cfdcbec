package org.tezuo.core.qualification.health;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/**
 * The columns of the report and their captions and cell texts, shared by the PDF, the xlsx workbook and the screen,
 * so all three show the same measures the same way. The first line is the whole tenant, labelled as its total
 * (全企业合计). The org units follow with their level (公司, 厂区, 车间, 部门) and their depth for indentation.
 */
public final class HealthReportColumns {

    static final String BUNDLE = "org.tezuo.core.qualification.health.messages";

    /** The value type of a column, which decides its cell text and its number format in the workbook. */
    public enum Kind {
        /** Text: the unit or its level. */
        TEXT,
        /** A count of persons or certificates, written as a whole number. */
        COUNT,
        /** A change of a count against last month, with its sign. */
        COUNT_CHANGE,
        /** A rate in percent with one decimal, such as 66.7 for 66.7 %. */
        PERCENT,
        /** A change of a rate against last month in percentage points, with its sign. */
        POINTS_CHANGE,
        /** A plain number with one decimal, such as average days. */
        DECIMAL
    }

    /**
     * One column: a caption key, how its values read, and the value of a row, a {@link String}, {@link Integer},
     * {@link BigDecimal} or null when the measure does not apply (no persons, no review due, nobody frozen).
     */
    public record Column(String captionKey, Kind kind, Function<HealthRow, @Nullable Object> value) {
    }

    /** Caption key of the unit column. */
    public static final String UNIT = "column.unit";
    /** Caption key of the level column. */
    public static final String LEVEL = "column.level";

    public static final List<Column> COLUMNS = List.of(
            new Column(UNIT, Kind.TEXT, HealthRow::name),
            new Column(LEVEL, Kind.TEXT, HealthRow::level),
            new Column("column.persons", Kind.COUNT, row -> row.current().personsInScope()),
            new Column("column.coverage", Kind.PERCENT, row -> row.current().coveragePercent()),
            new Column("column.coverageChange", Kind.POINTS_CHANGE, row -> HealthRow.change(
                    row.current().coveragePercent(), row.previous().coveragePercent())),
            new Column("column.overdue", Kind.COUNT, row -> row.current().overdueCertificates()),
            new Column("column.overdueChange", Kind.COUNT_CHANGE, row -> row.current().overdueCertificates()
                    - row.previous().overdueCertificates()),
            new Column("column.due30", Kind.COUNT, row -> row.current().dueWithin30Days()),
            new Column("column.due90", Kind.COUNT, row -> row.current().dueWithin90Days()),
            new Column("column.onTime", Kind.PERCENT, row -> row.current().onTimeReviewPercent()),
            new Column("column.onTimeChange", Kind.POINTS_CHANGE, row -> HealthRow.change(
                    row.current().onTimeReviewPercent(), row.previous().onTimeReviewPercent())),
            new Column("column.frozen", Kind.COUNT, row -> row.current().frozenPersons()),
            new Column("column.frozenChange", Kind.COUNT_CHANGE, row -> row.current().frozenPersons()
                    - row.previous().frozenPersons()),
            new Column("column.daysFrozen", Kind.DECIMAL, row -> row.current().averageDaysFrozen()));

    private HealthReportColumns() {
    }

    static String text(Locale locale, String key, Object... arguments) {
        return UserMessages.render(BUNDLE, locale, key, arguments);
    }

    /** Returns the caption of {@code column}; the persons column names the persons the scope counts. */
    public static String caption(Column column, HealthReport.Scope scope, Locale locale) {
        if (column.captionKey().equals("column.persons")) {
            return text(locale, scope == HealthReport.Scope.POST_HOLDERS ? "column.persons.posts"
                    : "column.persons.holders");
        }
        return text(locale, column.captionKey());
    }

    /** Returns the title line of the report. */
    public static String title(HealthReport report, Locale locale) {
        return text(locale, "report.title", report.tenantName(), report.month());
    }

    /** Returns the notes under the title: the time of the figures, whom they count and what the total holds. */
    public static List<String> notes(HealthReport report, Locale locale) {
        return List.of(text(locale, "report.asOf", report.asOf(), report.zone()),
                text(locale, report.scope() == HealthReport.Scope.POST_HOLDERS ? "report.scope.posts"
                        : "report.scope.holders"),
                text(locale, "report.total"));
    }

    /** Returns whether {@code row} is the total of the whole tenant. */
    public static boolean isTotal(HealthRow row) {
        return row.orgUnitId() == null;
    }

    /**
     * Returns the text of a cell: the total's label in the unit column, the level as a word, rates with a percent
     * sign, changes with a sign, and "—" for a measure that does not apply. The unit name is not indented.
     */
    public static String display(Column column, HealthRow row, Locale locale) {
        if (column.captionKey().equals(UNIT) && isTotal(row)) {
            return text(locale, "row.total");
        }
        Object value = column.value().apply(row);
        if (value == null) {
            return "—";
        }
        if (column.captionKey().equals(LEVEL)) {
            return text(locale, "level." + value);
        }
        return switch (column.kind()) {
            case PERCENT -> ((BigDecimal) value).toPlainString() + "%";
            case POINTS_CHANGE -> signed(((BigDecimal) value).signum(), ((BigDecimal) value).toPlainString());
            case COUNT_CHANGE -> signed((Integer) value, value.toString());
            case TEXT, COUNT, DECIMAL -> value instanceof BigDecimal number ? number.toPlainString()
                    : value.toString();
        };
    }

    private static String signed(int sign, String text) {
        return sign > 0 ? "+" + text : text;
    }
}

package org.tezuo.core.qualification.roster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.DatePrecision;

/**
 * Reads ledger dates written year first with four digits (2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日,
 * 20190305), month-only dates (2019-03, 2019年3月) and Excel serial numbers. Two-digit years, year-last dates and
 * impossible days are rejected, because guessing would put a wrong validity end on a certificate.
 */
final class LedgerDateParser {

    /** Whether a month-only date means the first or the last day of the month. */
    enum Bound {
        START, END
    }

    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private static final LocalDate EXCEL_1900_EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_1904_EPOCH = LocalDate.of(1904, 1, 1);

    private static final Pattern SEPARATED_DAY = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE_DAY = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SEPARATED_MONTH = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})");
    private static final Pattern CHINESE_MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.0+)?");
    private static final Pattern TWO_DIGIT_YEAR = Pattern.compile("\\d{2}([-/.])\\d{1,2}\\1\\d{1,2}");
    private static final Pattern YEAR_LAST = Pattern.compile("\\d{1,2}([-/.])\\d{1,2}\\1\\d{4}");
    private static final Pattern MIDNIGHT_SUFFIX = Pattern.compile("\\s+0{1,2}:00(:00)?(\\.0+)?$");

    private LedgerDateParser() {
    }

    /** A date as read and the precision it was given with. */
    record ParsedDate(LocalDate date, DatePrecision precision) {
    }

    /** Parses the text of a cell; {@code raw} must not be blank. */
    static ParsedDate parse(String raw, Bound bound) {
        String text = LedgerText.withoutSpacesHalfWidth(MIDNIGHT_SUFFIX.matcher(raw.strip()).replaceFirst(""));

        Matcher day = firstMatch(text, SEPARATED_DAY, CHINESE_DAY, COMPACT_DAY);
        if (day != null) {
            boolean separated = day.pattern() == SEPARATED_DAY;
            int year = Integer.parseInt(day.group(1));
            int month = Integer.parseInt(day.group(separated ? 3 : 2));
            int dayOfMonth = Integer.parseInt(day.group(separated ? 4 : 3));
            return new ParsedDate(dayDate(raw, year, month, dayOfMonth), DatePrecision.DAY);
        }
        Matcher month = firstMatch(text, SEPARATED_MONTH, CHINESE_MONTH);
        if (month != null) {
            int year = Integer.parseInt(month.group(1));
            int monthOfYear = Integer.parseInt(month.group(month.pattern() == SEPARATED_MONTH ? 3 : 2));
            return new ParsedDate(monthDate(raw, year, monthOfYear, bound), DatePrecision.MONTH);
        }
        if (EXCEL_SERIAL.matcher(text).matches()) {
            return fromSerial(raw, new BigDecimal(text).doubleValue(), false);
        }
        if (TWO_DIGIT_YEAR.matcher(text).matches()) {
            throw new InvalidLedgerValueException("date.twoDigitYear", raw);
        }
        if (YEAR_LAST.matcher(text).matches()) {
            throw new InvalidLedgerValueException("date.yearLast", raw);
        }
        throw new InvalidLedgerValueException("date.invalidFormat", raw);
    }

    /**
     * Converts an Excel serial day number (a numeric or date-formatted spreadsheet cell) to a date; the time of
     * day is dropped.
     *
     * @param date1904 whether the workbook counts days from 1904-01-01 instead of 1899-12-30
     */
    static ParsedDate fromSerial(String raw, double serial, boolean date1904) {
        if (!(serial >= 0 && serial < 1_000_000)) {
            throw new InvalidLedgerValueException("date.invalidFormat", raw);
        }
        LocalDate date = (date1904 ? EXCEL_1904_EPOCH : EXCEL_1900_EPOCH).plusDays((long) Math.floor(serial));
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidLedgerValueException("date.serialOutOfRange", raw, date.toString());
        }
        return new ParsedDate(date, DatePrecision.DAY);
    }

    private static LocalDate dayDate(String raw, int year, int month, int dayOfMonth) {
        YearMonth yearMonth = yearMonth(raw, year, month);
        if (dayOfMonth < 1 || dayOfMonth > yearMonth.lengthOfMonth()) {
            throw new InvalidLedgerValueException("date.noSuchDay", raw, String.valueOf(year), String.valueOf(month),
                    String.valueOf(yearMonth.lengthOfMonth()));
        }
        return inRange(raw, yearMonth.atDay(dayOfMonth));
    }

    private static LocalDate monthDate(String raw, int year, int month, Bound bound) {
        YearMonth yearMonth = yearMonth(raw, year, month);
        return inRange(raw, bound == Bound.START ? yearMonth.atDay(1) : yearMonth.atEndOfMonth());
    }

    private static YearMonth yearMonth(String raw, int year, int month) {
        if (month < 1 || month > 12) {
            throw new InvalidLedgerValueException("date.noSuchMonth", raw, String.valueOf(month));
        }
        return YearMonth.of(year, month);
    }

    private static LocalDate inRange(String raw, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidLedgerValueException("date.outOfRange", raw, date.toString());
        }
        return date;
    }

    private static @Nullable Matcher firstMatch(String text, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.matches()) {
                return matcher;
            }
        }
        return null;
    }
}

package org.tezuo.core.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a column type change keeps every stored value. The migration copies values with SQL {@code
 * cast}; this class accepts only the values that such a cast converts without change on PostgreSQL and H2, and
 * names the reason for the first value it cannot accept.
 */
final class ValueConversion {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private ValueConversion() {
    }

    /** Returns whether the migration can convert values of {@code from} to {@code to} at all. */
    static boolean supported(RecordColumn from, RecordColumn to) {
        return switch (to.kind()) {
            case STRING, LONG_STRING -> from.kind() != ValueKind.DOUBLE;
            case LONG, DECIMAL -> isText(from) || from.kind() == ValueKind.LONG || from.kind() == ValueKind.DECIMAL;
            case DATE, TIMESTAMP, BOOLEAN -> isText(from) || from.kind() == to.kind();
            case DOUBLE -> from.kind() == ValueKind.DOUBLE;
        };
    }

    /**
     * Returns the message key of the reason why {@code value}, read as text from a column of type {@code from},
     * would change in a column of type {@code to}; empty when it converts unchanged.
     */
    static Optional<String> loss(String value, RecordColumn from, RecordColumn to) {
        return switch (to.kind()) {
            case STRING -> value.codePointCount(0, value.length()) > to.length()
                    ? reason("tooLong") : Optional.empty();
            case LONG -> toLong(value, from);
            case DECIMAL -> toDecimal(value, to);
            case DATE -> parses(() -> LocalDate.parse(value), "notDate");
            case TIMESTAMP -> isText(from)
                    ? parses(() -> OffsetDateTime.parse(value), "notDateTime")
                    : Optional.empty();
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    || !isText(from) ? Optional.empty() : reason("notBoolean");
            case LONG_STRING, DOUBLE -> Optional.empty();
        };
    }

    private static Optional<String> toLong(String value, RecordColumn from) {
        if (isText(from) && !INTEGER.matcher(value).matches()) {
            return reason("notInteger");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return reason("notInteger");
        }
        if (number.stripTrailingZeros().scale() > 0) {
            return reason("rounding");
        }
        try {
            number.longValueExact();
            return Optional.empty();
        } catch (ArithmeticException e) {
            return reason("tooLarge");
        }
    }

    private static Optional<String> toDecimal(String value, RecordColumn to) {
        if (!DECIMAL.matcher(value).matches()) {
            return reason("notNumber");
        }
        BigDecimal number = new BigDecimal(value).stripTrailingZeros();
        if (number.scale() > to.scale()) {
            return reason("rounding");
        }
        int integerDigits = number.precision() - number.scale();
        return integerDigits > to.precision() - to.scale() ? reason("tooLarge") : Optional.empty();
    }

    private static Optional<String> parses(Runnable parse, String failure) {
        try {
            parse.run();
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return reason(failure);
        }
    }

    private static boolean isText(RecordColumn column) {
        return column.kind() == ValueKind.STRING || column.kind() == ValueKind.LONG_STRING;
    }

    private static Optional<String> reason(String code) {
        return Optional.of("entity.migration.reason." + code);
    }
}

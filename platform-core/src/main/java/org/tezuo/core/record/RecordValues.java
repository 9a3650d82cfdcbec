package org.tezuo.core.record;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.tezuo.core.entity.RecordColumn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Converts field values between their JSON form and JDBC. Dates are ISO {@code yyyy-MM-dd}; date-times are ISO
 * 8601 with an offset and are returned in UTC; numbers stay exact ({@link BigDecimal}).
 */
final class RecordValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordValues() {
    }

    /**
     * Returns {@code value} as a typed parameter for {@code column}; JSON null and missing values bind as SQL null.
     *
     * @throws IllegalArgumentException when the value does not fit the column; validation runs first, so this
     *     means a caller skipped it
     */
    static SqlParameterValue parameter(RecordColumn column, @Nullable JsonNode value) {
        int sqlType = sqlType(column);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return new SqlParameterValue(sqlType, null);
        }
        Object bound = switch (column.kind()) {
            case STRING, LONG_STRING -> value.isString() ? value.asString() : value.toString();
            case LONG -> value.asLong();
            case DECIMAL -> value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
            case DOUBLE -> value.asDouble();
            case DATE -> LocalDate.parse(value.asString());
            case TIMESTAMP -> OffsetDateTime.parse(value.asString());
            case BOOLEAN -> value.asBoolean();
        };
        return new SqlParameterValue(sqlType, bound);
    }

    /** Parses a filter value written as text in a URL. */
    static SqlParameterValue parse(RecordColumn column, String text) {
        JsonNode node = switch (column.kind()) {
            case STRING, LONG_STRING, DATE, TIMESTAMP -> NODES.stringNode(text);
            case LONG -> NODES.numberNode(Long.parseLong(text));
            case DECIMAL, DOUBLE -> NODES.numberNode(new BigDecimal(text));
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("Not a boolean: " + text);
                }
                yield NODES.booleanNode(Boolean.parseBoolean(text));
            }
        };
        return parameter(column, node);
    }

    /** Reads {@code column} from the current row as JSON. */
    static JsonNode read(ResultSet rs, RecordColumn column) throws SQLException {
        String name = column.name();
        JsonNode node = switch (column.kind()) {
            case STRING, LONG_STRING -> {
                String text = rs.getString(name);
                yield text == null ? null : NODES.stringNode(text);
            }
            case LONG -> {
                long number = rs.getLong(name);
                yield rs.wasNull() ? null : NODES.numberNode(number);
            }
            case DECIMAL -> {
                BigDecimal number = rs.getBigDecimal(name);
                yield number == null ? null : NODES.numberNode(plain(number));
            }
            case DOUBLE -> {
                double number = rs.getDouble(name);
                yield rs.wasNull() ? null : NODES.numberNode(number);
            }
            case DATE -> {
                LocalDate date = rs.getObject(name, LocalDate.class);
                yield date == null ? null : NODES.stringNode(date.toString());
            }
            case TIMESTAMP -> {
                OffsetDateTime time = rs.getObject(name, OffsetDateTime.class);
                yield time == null ? null : NODES.stringNode(
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
            }
            case BOOLEAN -> {
                boolean flag = rs.getBoolean(name);
                yield rs.wasNull() ? null : NODES.booleanNode(flag);
            }
        };
        return node == null ? NODES.nullNode() : node;
    }

    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static int sqlType(RecordColumn column) {
        return switch (column.kind()) {
            case STRING, LONG_STRING -> Types.VARCHAR;
            case LONG -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case DOUBLE -> Types.DOUBLE;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BOOLEAN -> Types.BOOLEAN;
        };
    }
}

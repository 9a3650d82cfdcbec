package org.tezuo.core.query;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts request values (JSON scalars or query-string text) to the JDBC values of a plan's parameter markers,
 * by the type the validator inferred for each marker. Values are bound, never written into the SQL.
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * Returns the value of each marker in order.
     *
     * @throws QueryException naming the parameter when a value is missing or has the wrong form
     */
    static List<Object> bind(List<String> names, List<SqlTypeName> types, Map<String, ?> values) {
        List<Object> bound = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name) || values.get(name) == null) {
                throw new QueryException("query.parameterMissing", name);
            }
            bound.add(convert(name, types.get(i), values.get(name)));
        }
        return bound;
    }

    private static Object convert(String name, SqlTypeName type, Object value) {
        String text = value.toString().trim();
        try {
            return switch (type) {
                case CHAR, VARCHAR -> value.toString();
                case TINYINT, SMALLINT, INTEGER -> value instanceof Number n ? n.intValue() : Integer.parseInt(text);
                case BIGINT -> value instanceof Number n ? n.longValue() : Long.parseLong(text);
                case DECIMAL -> new BigDecimal(text);
                case FLOAT, REAL, DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                case BOOLEAN -> parseBoolean(name, type, value, text);
                case DATE -> Date.valueOf(LocalDate.parse(text));
                case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                        Timestamp.from(OffsetDateTime.parse(text).toInstant());
                default -> value;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(name, type, value);
        }
    }

    private static Boolean parseBoolean(String name, SqlTypeName type, Object value, String text) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, type, value);
        };
    }

    private static QueryException invalid(String name, SqlTypeName type, Object value) {
        return new QueryException("query.parameterInvalid." + typeKey(type), name, value);
    }

    private static String typeKey(SqlTypeName type) {
        return switch (type) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> "integer";
            case DECIMAL, FLOAT, REAL, DOUBLE -> "decimal";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "dateTime";
            default -> "text";
        };
    }
}

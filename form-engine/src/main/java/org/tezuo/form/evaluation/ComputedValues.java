package org.tezuo.form.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Converts the result of an {@code x-computed} or {@code x-default} expression into the JSON value stored in the
 * field: a number for number fields (rounded half up to a whole number for integer fields), text for text fields
 * (date-times as ISO 8601 with offset, dates as year-month-day), a boolean for boolean fields.
 */
public final class ComputedValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ComputedValues() {
    }

    static @Nullable JsonNode toJson(@Nullable Object result, FormField field) {
        return toJson(result, field.type());
    }

    /** Returns the stored value, or null when the result is null or cannot be stored in a value of {@code type}. */
    public static @Nullable JsonNode toJson(@Nullable Object result, FieldType type) {
        if (result == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> result instanceof Number number
                    ? NODES.numberNode(decimal(number).setScale(0, RoundingMode.HALF_UP).longValue())
                    : null;
            case NUMBER -> result instanceof Number number ? NODES.numberNode(decimal(number).stripTrailingZeros())
                    : null;
            case BOOLEAN -> result instanceof Boolean value ? NODES.booleanNode(value) : null;
            case STRING -> NODES.stringNode(text(result));
            case ARRAY, OBJECT -> null;
        };
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    private static String text(Object result) {
        return switch (result) {
            case OffsetDateTime dateTime -> dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case LocalDate date -> date.toString();
            case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString();
            case TemporalAccessor other -> other.toString();
            default -> result.toString();
        };
    }
}

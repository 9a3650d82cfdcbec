package org.tezuo.form.definition;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The limits of a field's value as its schema property states them, for a renderer to show and enforce while the
 * user types. The server validator reads the schema itself, so these values never loosen a check.
 *
 * @param minLength {@code minLength} in characters, or null
 * @param maxLength {@code maxLength} in characters, or null
 * @param minimum {@code minimum}, or null
 * @param maximum {@code maximum}, or null
 * @param exclusiveMinimum {@code exclusiveMinimum}, or null
 * @param exclusiveMaximum {@code exclusiveMaximum}, or null
 * @param multipleOf {@code multipleOf}, the step of a number input, or null
 * @param minItems {@code minItems}, the fewest rows of a table, or null
 * @param maxItems {@code maxItems}, the most rows of a table, or null
 * @param unit unit shown next to the value, from {@code x-unit}, or null
 */
public record FieldLimits(
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable BigDecimal minimum,
        @Nullable BigDecimal maximum,
        @Nullable BigDecimal exclusiveMinimum,
        @Nullable BigDecimal exclusiveMaximum,
        @Nullable BigDecimal multipleOf,
        @Nullable Integer minItems,
        @Nullable Integer maxItems,
        @Nullable String unit) {

    /** Limits of a property that states none. */
    public static final FieldLimits NONE = new FieldLimits(null, null, null, null, null, null, null, null, null, null);

    static FieldLimits of(JsonNode property) {
        return new FieldLimits(integer(property, "minLength"), integer(property, "maxLength"),
                decimal(property, "minimum"), decimal(property, "maximum"), decimal(property, "exclusiveMinimum"),
                decimal(property, "exclusiveMaximum"), decimal(property, "multipleOf"),
                integer(property, "minItems"), integer(property, "maxItems"),
                property.path("x-unit").stringValue(null));
    }

    private static @Nullable Integer integer(JsonNode property, String keyword) {
        JsonNode value = property.get(keyword);
        return value != null && value.isIntegralNumber() ? value.asInt() : null;
    }

    private static @Nullable BigDecimal decimal(JsonNode property, String keyword) {
        JsonNode value = property.get(keyword);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }
}

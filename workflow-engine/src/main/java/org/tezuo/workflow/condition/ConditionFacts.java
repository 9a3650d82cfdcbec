package org.tezuo.workflow.condition;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What branch conditions read about an application.
 *
 * @param formData the submitted form data, a JSON object
 * @param permitGrade the permit grade, such as 特级, or null when the application sets none
 * @param riskScore the permit's risk score, or null when the application sets none
 */
public record ConditionFacts(JsonNode formData, @Nullable String permitGrade, @Nullable BigDecimal riskScore) {

    public ConditionFacts {
        Objects.requireNonNull(formData, "formData");
    }

    /** Returns facts holding only form data. */
    public static ConditionFacts of(JsonNode formData) {
        return new ConditionFacts(formData, null, null);
    }

    /** Converts a risk score variable, stored as any {@link Number} or numeric string, to a decimal. */
    public static @Nullable BigDecimal score(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal;
            case Number number -> new BigDecimal(number.toString());
            case String text when !text.isBlank() -> new BigDecimal(text.strip());
            default -> throw new IllegalArgumentException("Risk score '" + value + "' is not a number");
        };
    }
}

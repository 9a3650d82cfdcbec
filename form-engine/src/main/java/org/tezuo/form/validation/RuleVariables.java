package org.tezuo.form.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;

/**
 * Converts form data into the variables a rule reads: one per top-level field, plus {@code now}. Values become
 * Java types a rule can compare: {@code date-time} text becomes {@link OffsetDateTime}, {@code date} text
 * {@link LocalDate}, integers {@link Long}, other numbers {@link BigDecimal}, arrays {@link List} and objects
 * {@link Map}. A field that is absent, or whose text does not parse, is left out and so reads as null.
 */
final class RuleVariables {

    static final String NOW = "now";

    private RuleVariables() {
    }

    static Map<String, @Nullable Object> of(FormDefinition form, JsonNode data, OffsetDateTime now) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        for (FormField field : form.fields()) {
            JsonNode value = data.get(field.name());
            if (value != null && !value.isNull()) {
                variables.put(field.name(), convert(field, value));
            }
        }
        variables.put(NOW, now);
        return variables;
    }

    private static @Nullable Object convert(@Nullable FormField field, JsonNode value) {
        if (value.isString()) {
            return convertText(field, value.asString());
        }
        if (value.isIntegralNumber() && (field == null || field.type() == FieldType.INTEGER)) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isArray()) {
            List<@Nullable Object> items = new ArrayList<>();
            value.forEach(item -> items.add(convert(itemField(field, item), item)));
            return items;
        }
        if (value.isObject()) {
            Map<String, @Nullable Object> properties = new LinkedHashMap<>();
            value.forEachEntry((name, child) -> properties.put(name,
                    convert(field == null ? null : field.child(name).orElse(null), child)));
            return properties;
        }
        return null;
    }

    /** Array items are described by the field itself when they are objects (the row's children). */
    private static @Nullable FormField itemField(@Nullable FormField field, JsonNode item) {
        return item.isObject() ? field : null;
    }

    private static @Nullable Object convertText(@Nullable FormField field, String text) {
        String format = field == null ? null : field.format();
        try {
            if ("date-time".equals(format)) {
                return OffsetDateTime.parse(text);
            }
            if ("date".equals(format)) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return text;
    }
}

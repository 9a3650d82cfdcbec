package org.tezuo.form.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;

/**
 * The variables a form expression reads: one per top-level field, the context values {@code currentUser},
 * {@code currentOrgUnit}, {@code now} and {@code today}, the form's {@code constants}, and inside a table row
 * {@code row}. Values become Java types an expression can compare: {@code date-time} text becomes
 * {@link OffsetDateTime} in the tenant's zone (so time-of-day and date functions read the tenant's wall clock
 * whatever offset a client sent), {@code date} text {@link LocalDate}, integers {@link Long}, other numbers
 * {@link BigDecimal}, arrays {@link List} and objects {@link Map}. A field that is absent, or whose text does not
 * parse, is left out and so reads as null.
 */
public final class FormVariables {

    public static final String CURRENT_USER = "currentUser";
    public static final String CURRENT_ORG_UNIT = "currentOrgUnit";
    public static final String NOW = "now";
    public static final String TODAY = "today";
    public static final String ROW = "row";
    /** The map of the form's constants by key, read as {@code constants.<key>}. */
    public static final String CONSTANTS = "constants";

    /** Names that the context provides; a top-level field may not use one of them. */
    public static final Set<String> CONTEXT_NAMES = Set.of(CURRENT_USER, CURRENT_ORG_UNIT, NOW, TODAY);

    /** Names the rule language accepts as variables; a field with another name cannot be read by expressions. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");

    private FormVariables() {
    }

    /** Returns whether {@code name} is reserved for a value that expressions read, so no top-level field may use it. */
    public static boolean isReserved(String name) {
        return CONTEXT_NAMES.contains(name) || ROW.equals(name) || CONSTANTS.equals(name);
    }

    /** Returns the variable names an expression of a field or section may read; {@code inRow} adds {@code row}. */
    public static Set<String> names(FormDefinition form, boolean inRow) {
        Set<String> names = new TreeSet<>(CONTEXT_NAMES);
        names.add(CONSTANTS);
        for (FormField field : form.fields()) {
            if (VARIABLE_NAME.matcher(field.name()).matches() && !isReserved(field.name())) {
                names.add(field.name());
            }
        }
        if (inRow) {
            names.add(ROW);
        }
        return names;
    }

    /** Returns the variable names an {@code x-default} expression may read: the context values only. */
    public static Set<String> contextNames() {
        return new TreeSet<>(CONTEXT_NAMES);
    }

    /** Returns the context variables alone, for {@code x-default} expressions. */
    public static Map<String, @Nullable Object> context(EvaluationContext context) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        variables.put(CURRENT_USER, context.currentUser());
        variables.put(CURRENT_ORG_UNIT, context.currentOrgUnit());
        variables.put(NOW, context.nowInZone());
        variables.put(TODAY, context.today());
        return variables;
    }

    /** Returns the top-level fields of {@code data}, the context values and the form's constants. */
    public static Map<String, @Nullable Object> of(FormDefinition form, JsonNode data, EvaluationContext context) {
        Map<String, @Nullable Object> variables = context(context);
        variables.put(CONSTANTS, constants(form));
        for (FormField field : form.fields()) {
            JsonNode value = data.get(field.name());
            if (value != null && !value.isNull() && !isReserved(field.name())) {
                variables.put(field.name(), convert(field, value, context.zone()));
            }
        }
        return variables;
    }

    /** Converts one row of {@code table} into the map an expression reads as {@code row}. */
    static @Nullable Object row(FormField table, JsonNode row, ZoneId zone) {
        return convert(table, row, zone);
    }

    private static Map<String, Object> constants(FormDefinition form) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.constants().forEach((key, constant) -> values.put(key, constant.value()));
        return values;
    }

    private static @Nullable Object convert(@Nullable FormField field, JsonNode value, ZoneId zone) {
        if (value.isString()) {
            return convertText(field, value.asString(), zone);
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
            value.forEach(item -> items.add(convert(itemField(field, item), item, zone)));
            return items;
        }
        if (value.isObject()) {
            Map<String, @Nullable Object> properties = new LinkedHashMap<>();
            value.forEachEntry((name, child) -> properties.put(name,
                    convert(field == null ? null : field.child(name).orElse(null), child, zone)));
            return properties;
        }
        return null;
    }

    /** Array items are described by the field itself when they are objects (the row's children). */
    private static @Nullable FormField itemField(@Nullable FormField field, JsonNode item) {
        return item.isObject() ? field : null;
    }

    private static @Nullable Object convertText(@Nullable FormField field, String text, ZoneId zone) {
        String format = field == null ? null : field.format();
        try {
            if ("date-time".equals(format)) {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone).toOffsetDateTime();
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

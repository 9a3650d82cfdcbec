package org.tezuo.app.ui.designer;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldWidget;
import tools.jackson.databind.node.ObjectNode;

/**
 * One top-level field of a form as the designer edits it. The properties the panel edits are typed; every other
 * keyword of the field's schema property (type, format, pattern, help text, the columns of a table, the
 * properties of a group) is kept unchanged in {@code schema}.
 *
 * @param key property name in the data; it must be a rule-language variable name
 * @param widget the input the field shows
 * @param label caption ({@code x-label})
 * @param required whether the schema lists the field in {@code required}
 * @param minimum smallest number allowed, or null
 * @param maximum largest number allowed, or null
 * @param maxLength longest text allowed in characters, or null
 * @param unit unit shown with a number, for example {@code %LEL} ({@code x-unit}), or null
 * @param options the choices of a select field ({@code enum} and {@code x-enumLabels})
 * @param visibleWhen rule-language condition over the other fields; the field is shown only while it is true
 *     ({@code x-visibleWhen}), or null to always show it
 * @param schema the other keywords of the schema property; the accessor returns a copy
 */
public record FieldDesign(
        String key,
        FieldWidget widget,
        DesignLabel label,
        boolean required,
        @Nullable BigDecimal minimum,
        @Nullable BigDecimal maximum,
        @Nullable Integer maxLength,
        @Nullable String unit,
        List<OptionDesign> options,
        @Nullable String visibleWhen,
        ObjectNode schema) {

    public FieldDesign {
        options = List.copyOf(options);
        schema = schema.deepCopy();
    }

    @Override
    public ObjectNode schema() {
        return schema.deepCopy();
    }

    /** Returns whether the panel offers minimum, maximum and unit for this field. */
    public boolean isNumeric() {
        return widget == FieldWidget.NUMBER;
    }

    /** Returns whether the panel offers a maximum length for this field. */
    public boolean isText() {
        return widget == FieldWidget.TEXT || widget == FieldWidget.TEXTAREA;
    }

    /** Returns the columns of a table field, in display order; other fields have none. */
    public List<FieldDesign> columns() {
        return widget == FieldWidget.TABLE ? FormDesignJson.readColumns(this) : List.of();
    }

    /** Returns the fewest rows a table must have ({@code minItems}), or null. */
    public @Nullable Integer minRows() {
        return schema.has("minItems") ? schema.get("minItems").asInt() : null;
    }

    /** Returns the most rows a table may have ({@code maxItems}), or null. */
    public @Nullable Integer maxRows() {
        return schema.has("maxItems") ? schema.get("maxItems").asInt() : null;
    }

    /** Returns this table field with {@code newColumns} as its columns. */
    public FieldDesign withColumns(List<FieldDesign> newColumns) {
        return FormDesignJson.writeColumns(this, newColumns);
    }

    /** Returns this table field with the row limits changed; null removes a limit. */
    public FieldDesign withRows(@Nullable Integer newMinRows, @Nullable Integer newMaxRows) {
        ObjectNode changed = schema();
        changed.remove(List.of("minItems", "maxItems"));
        if (newMinRows != null) {
            changed.put("minItems", newMinRows);
        }
        if (newMaxRows != null) {
            changed.put("maxItems", newMaxRows);
        }
        return withSchema(changed);
    }

    /** Returns the records entity a reference field offers records of ({@code x-entity}), or null. */
    public @Nullable String referencedEntity() {
        return schema.path("x-entity").stringValue(null);
    }

    /** Returns the condition under which the field is required ({@code x-requiredWhen}), or null. */
    public @Nullable String requiredWhen() {
        return schema.path("x-requiredWhen").stringValue(null);
    }

    /** Returns the expression whose result the server stores in the field ({@code x-computed}), or null. */
    public @Nullable String computed() {
        return schema.path("x-computed").stringValue(null);
    }

    /** Returns this field with {@code x-entity} set, or removed when {@code entity} is null or blank. */
    public FieldDesign withReferencedEntity(@Nullable String entity) {
        return withKeyword("x-entity", entity);
    }

    /** Returns this field with {@code x-requiredWhen} set, or removed when {@code condition} is null or blank. */
    public FieldDesign withRequiredWhen(@Nullable String condition) {
        return withKeyword("x-requiredWhen", condition);
    }

    /** Returns this field with {@code x-computed} set, or removed when {@code expression} is null or blank. */
    public FieldDesign withComputed(@Nullable String expression) {
        return withKeyword("x-computed", expression);
    }

    private FieldDesign withKeyword(String name, @Nullable String value) {
        ObjectNode changed = schema();
        String text = blankToNull(value);
        if (text == null) {
            changed.remove(name);
        } else {
            changed.put(name, text);
        }
        return withSchema(changed);
    }

    FieldDesign withSchema(ObjectNode newSchema) {
        return new FieldDesign(key, widget, label, required, minimum, maximum, maxLength, unit, options,
                visibleWhen, newSchema);
    }

    public FieldDesign withKey(String newKey) {
        return new FieldDesign(newKey, widget, label, required, minimum, maximum, maxLength, unit, options,
                visibleWhen, schema);
    }

    public FieldDesign withLabel(DesignLabel newLabel) {
        return new FieldDesign(key, widget, newLabel, required, minimum, maximum, maxLength, unit, options,
                visibleWhen, schema);
    }

    public FieldDesign withRequired(boolean newRequired) {
        return new FieldDesign(key, widget, label, newRequired, minimum, maximum, maxLength, unit, options,
                visibleWhen, schema);
    }

    public FieldDesign withLimits(@Nullable BigDecimal newMinimum, @Nullable BigDecimal newMaximum,
            @Nullable Integer newMaxLength) {
        return new FieldDesign(key, widget, label, required, newMinimum, newMaximum, newMaxLength, unit, options,
                visibleWhen, schema);
    }

    public FieldDesign withUnit(@Nullable String newUnit) {
        return new FieldDesign(key, widget, label, required, minimum, maximum, maxLength, blankToNull(newUnit),
                options, visibleWhen, schema);
    }

    public FieldDesign withOptions(List<OptionDesign> newOptions) {
        return new FieldDesign(key, widget, label, required, minimum, maximum, maxLength, unit, newOptions,
                visibleWhen, schema);
    }

    public FieldDesign withVisibleWhen(@Nullable String condition) {
        return new FieldDesign(key, widget, label, required, minimum, maximum, maxLength, unit, options,
                blankToNull(condition), schema);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

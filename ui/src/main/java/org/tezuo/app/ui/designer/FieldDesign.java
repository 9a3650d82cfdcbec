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

package org.tezuo.app.ui.form;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An input holding one value, with the conversions between the component's value and JSON.
 *
 * @param <V> the component's value type
 */
final class ValueInput<V> implements FieldInput {

    private final AbstractField<?, V> field;
    private final Function<JsonNode, @Nullable V> fromJson;
    private final Function<@Nullable V, @Nullable JsonNode> toJson;
    private final boolean writesEmptyValue;

    /**
     * @param fromJson converts a present, non-null node to the component's value
     * @param toJson converts the component's value to JSON, null when the value is empty
     * @param writesEmptyValue whether the empty value is stored too, as for a check box whose empty value is false
     */
    ValueInput(AbstractField<?, V> field, Function<JsonNode, @Nullable V> fromJson,
            Function<@Nullable V, @Nullable JsonNode> toJson, boolean writesEmptyValue) {
        this.field = field;
        this.fromJson = fromJson;
        this.toJson = toJson;
        this.writesEmptyValue = writesEmptyValue;
        if (field instanceof HasValidation validated) {
            validated.setManualValidation(true);
        }
    }

    @Override
    public Component component() {
        return field;
    }

    @Override
    public void read(JsonNode value) {
        V converted = value.isMissingNode() || value.isNull() ? null : fromJson.apply(value);
        if (converted == null) {
            field.clear();
        } else {
            field.setValue(converted);
        }
    }

    @Override
    public @Nullable JsonNode write() {
        return field.isEmpty() && !writesEmptyValue ? null : toJson.apply(field.getValue());
    }

    @Override
    public boolean showError(FieldPath path, String message) {
        if (!path.isRoot() || !(field instanceof HasValidation validated)) {
            return false;
        }
        validated.setErrorMessage(message);
        validated.setInvalid(true);
        return true;
    }

    @Override
    public void clearErrors() {
        if (field instanceof HasValidation validated) {
            validated.setInvalid(false);
            validated.setErrorMessage(null);
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        field.setReadOnly(readOnly);
    }

    @Override
    public void setRequired(boolean required) {
        field.setRequiredIndicatorVisible(required);
    }
}

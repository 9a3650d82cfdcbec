package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The rendered input of one field: a single value, a group of fields or a table of rows. */
interface FieldInput {

    Component component();

    /** Shows {@code value}; a missing or null node clears the input. */
    void read(JsonNode value);

    /** Returns the value to store, or null to leave the property out of the data. */
    @Nullable JsonNode write();

    /**
     * Shows {@code message} on the input at {@code path} below this one ({@link FieldPath#ROOT} for this input);
     * returns false when no input matches.
     */
    boolean showError(FieldPath path, String message);

    void clearErrors();

    void setReadOnly(boolean readOnly);

    /** Shows or hides the required mark; the form's validation decides whether a value is missing. */
    void setRequired(boolean required);

    /** Shows or hides the input with its label and messages. */
    default void setVisible(boolean visible) {
        component().setVisible(visible);
    }
}

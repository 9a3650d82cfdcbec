package org.tezuo.app.ui.form;

import java.util.Optional;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormSection;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a field is shown and whether it is required, given the form's current data. The renderer queries
 * only this interface, so conditional fields plug in here without changes to the inputs.
 */
public interface FieldStates {

    /** Every field shown, required exactly when its schema lists it in {@code required}. */
    FieldStates DECLARED = new FieldStates() {
    };

    /** Returns the states for {@code form}; states that need the form's conditions bind to it here. */
    default FieldStates forForm(FormDefinition form) {
        return this;
    }

    /**
     * @param jsonPath the field's data path, for example {@code $.gasAnalyses[1].time}
     * @param data the whole form's data as last read or written
     */
    default boolean visible(FormField field, String jsonPath, JsonNode data) {
        return true;
    }

    /** Returns whether a section with its title is shown. */
    default boolean sectionVisible(FormSection section, JsonNode data) {
        return true;
    }

    /** Returns the value a computed field shows for {@code data}, or empty when it has none. */
    default Optional<JsonNode> computedValue(FormField field, String jsonPath, JsonNode data) {
        return Optional.empty();
    }

    /** Returns whether the input shows the required mark; the server's validation enforces it either way. */
    default boolean required(FormField field, String jsonPath, JsonNode data) {
        return field.required();
    }
}

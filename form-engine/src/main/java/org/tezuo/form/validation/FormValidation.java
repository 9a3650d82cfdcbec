package org.tezuo.form.validation;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of validating one set of form data.
 *
 * @param errors every problem found, in field order, then the cross-field rules that fired; empty when valid
 * @param data the data to store: computed fields recomputed, values of hidden fields dropped; the accessor
 *     returns a copy
 */
public record FormValidation(List<FieldError> errors, ObjectNode data) {

    public FormValidation {
        errors = List.copyOf(errors);
        data = data.deepCopy();
    }

    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }

    /** Returns whether the data has no error. */
    public boolean isValid() {
        return errors.isEmpty();
    }
}

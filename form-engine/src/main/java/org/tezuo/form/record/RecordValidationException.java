package org.tezuo.form.record;

import java.util.List;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.form.validation.FieldError;

/** Rejects record data with every problem found, each with its field path and a message in the caller's locale. */
public final class RecordValidationException extends LocalizedException {

    private final List<FieldError> errors;

    RecordValidationException(String entity, List<FieldError> errors) {
        super(new MessageBundle(EntityFormBuilder.BUNDLE), "record.invalid", entity, errors.size());
        this.errors = List.copyOf(errors);
    }

    /** Returns the problems, in the locale the data was validated in. */
    public List<FieldError> errors() {
        return errors;
    }
}

package org.tezuo.form.definition;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A cross-field check: when {@code when} evaluates to true, the data is invalid and {@code message} is shown.
 *
 * @param id identifier unique within the form
 * @param when boolean expression in the platform's rule language over the top-level fields and {@code now}
 * @param message text shown when the rule fires
 * @param path data path the message belongs to (for example {@code workEnd}), or null for the whole form
 * @param fieldNames the top-level fields the expression names, found by scanning its identifiers
 */
public record FormRule(String id, String when, Label message, @Nullable String path, Set<String> fieldNames) {

    public FormRule {
        fieldNames = Set.copyOf(fieldNames);
    }
}

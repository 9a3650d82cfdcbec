package org.tezuo.form.definition;

import java.util.List;
import java.util.Objects;

/**
 * One section of the layout.
 *
 * @param id stable name from the document, or {@code section-<n>} counted from 1 over the whole layout
 * @param title section heading
 * @param columns number of columns on a wide screen (1 to 4); phones show one column
 * @param fields the section's fields in display order
 * @param conditions {@code x-visibleWhen} and {@code x-requiredWhen} of the section; {@code computed} is null
 * @param pointer JSON pointer of the section in the form document, for example {@code /layout/sections/2}
 */
public record FormSection(String id, Label title, int columns, List<FormField> fields, FieldConditions conditions,
        String pointer) {

    public FormSection {
        Objects.requireNonNull(id, "id");
        fields = List.copyOf(fields);
    }
}

package org.tezuo.form.definition;

import java.util.List;

/**
 * One section of the layout.
 *
 * @param title section heading
 * @param columns number of columns on a wide screen (1 to 4); phones show one column
 * @param fields the section's fields in display order
 */
public record FormSection(Label title, int columns, List<FormField> fields) {

    public FormSection {
        fields = List.copyOf(fields);
    }
}

package org.tezuo.app.ui.designer;

import java.util.List;

/**
 * One section of the layout.
 *
 * @param title section heading
 * @param columns columns on a wide screen, 1 to 4
 * @param fieldKeys keys of the section's fields in display order
 */
public record SectionDesign(DesignLabel title, int columns, List<String> fieldKeys) {

    /** Maximum columns of a section, as the form meta-schema allows. */
    public static final int MAX_COLUMNS = 4;

    public SectionDesign {
        if (columns < 1 || columns > MAX_COLUMNS) {
            throw new IllegalArgumentException("A section has 1 to 4 columns, not " + columns);
        }
        fieldKeys = List.copyOf(fieldKeys);
    }

    SectionDesign withFieldKeys(List<String> keys) {
        return new SectionDesign(title, columns, keys);
    }
}

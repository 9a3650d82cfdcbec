package org.tezuo.form.definition;

import java.util.List;
import java.util.Objects;

/**
 * One tab of a tabbed layout.
 *
 * @param id stable name from the document, or {@code tab-<n>} counted from 1
 * @param title tab caption
 * @param sections the sections the tab shows, in order
 */
public record FormTab(String id, Label title, List<FormSection> sections) {

    public FormTab {
        Objects.requireNonNull(id, "id");
        sections = List.copyOf(sections);
    }
}

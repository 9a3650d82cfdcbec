package org.tezuo.form.definition;

import org.jspecify.annotations.Nullable;

/**
 * The rule-language expressions attached to a field or a section. A field inside a table row may also read the
 * variable {@code row}, the row being evaluated.
 *
 * @param visibleWhen while false the element is hidden, is not required and its value is dropped; null: always
 *     visible
 * @param requiredWhen while true and the element is visible, it must have a value; null: required only where the
 *     schema lists it in {@code required}
 * @param computed the expression whose result the server stores as the value; null for an entered field. Always
 *     null for a section.
 */
public record FieldConditions(@Nullable String visibleWhen, @Nullable String requiredWhen,
        @Nullable String computed) {

    /** Conditions of an element that has none. */
    public static final FieldConditions NONE = new FieldConditions(null, null, null);

    /** Returns whether no expression is present. */
    public boolean isEmpty() {
        return visibleWhen == null && requiredWhen == null && computed == null;
    }
}

package org.tezuo.form.definition;

/**
 * One allowed value of a field with an {@code enum}, with the label a select box shows.
 *
 * @param value the value stored in the data
 * @param label the text shown, from {@code x-enumLabels} or the value itself
 */
public record FieldOption(String value, Label label) {
}

package org.tezuo.form.validation;

/**
 * One problem with form data, ready to show next to the field.
 *
 * @param path JSON path of the field, for example {@code $.gasAnalyses[1].time}; {@code $} for the whole form
 * @param label the field named by its labels, for example {@code 气体分析 第2行 › 分析时间}
 * @param message what is wrong with which value and how to fix it, in the requested locale
 */
public record FieldError(String path, String label, String message) {
}

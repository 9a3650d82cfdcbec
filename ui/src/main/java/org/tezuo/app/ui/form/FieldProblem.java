package org.tezuo.app.ui.form;

/**
 * A problem the server found in the form data, shown on the input at {@code path} and in the summary list.
 *
 * @param path JSON path such as {@code $.gasAnalyses[1].time}; {@code $} or any other text for the whole form
 * @param message what is wrong and how to fix it, in the user's language
 */
public record FieldProblem(String path, String message) {
}

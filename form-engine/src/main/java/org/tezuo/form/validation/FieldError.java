package org.tezuo.form.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem with form data, ready to show next to the field.
 *
 * @param path JSON path of the field, for example {@code $.gasAnalyses[1].time}; {@code $} for the whole form
 * @param label the field named by its labels, for example {@code 气体分析 第2行 › 分析时间}
 * @param message what is wrong with which value and how to fix it, in the requested locale
 */
public record FieldError(String path, String label, String message) {

    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

    /** Returns the location as a JSON pointer (RFC 6901), for example {@code /gasAnalyses/1/time}; empty for the root. */
    public String pointer() {
        StringBuilder pointer = new StringBuilder();
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            String segment = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /**
     * Returns the location dotted with row indexes, for example {@code gasAnalyses.1.time}, the form that
     * {@link org.tezuo.form.evaluation.FormState} uses; empty for the root.
     */
    public String dottedPath() {
        StringBuilder dotted = new StringBuilder();
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            dotted.append(dotted.isEmpty() ? "" : ".").append(matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2));
        }
        return dotted.toString();
    }
}

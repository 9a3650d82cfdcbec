package org.tezuo.app.ui.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A location in form data as segments: property names ({@code String}) and row indexes ({@code Integer}, from 0).
 * Reads the JSON paths of server errors such as {@code $.gasAnalyses[1].time} and writes the element ids of the
 * rendered inputs such as {@code field-gasAnalyses-1-time}.
 */
record FieldPath(List<Object> segments) {

    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

    static final FieldPath ROOT = new FieldPath(List.of());

    FieldPath {
        segments = List.copyOf(segments);
    }

    /** Parses {@code $.a[1].b}; a path that is not a JSON path of this shape yields the root. */
    static FieldPath parse(String jsonPath) {
        if (!jsonPath.startsWith("$")) {
            return ROOT;
        }
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(jsonPath);
        int position = 1;
        while (position < jsonPath.length() && matcher.find(position) && matcher.start() == position) {
            segments.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
            position = matcher.end();
        }
        return position == jsonPath.length() ? new FieldPath(segments) : ROOT;
    }

    FieldPath child(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new FieldPath(longer);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    Object first() {
        return segments.getFirst();
    }

    FieldPath rest() {
        return new FieldPath(segments.subList(1, segments.size()));
    }

    /** Returns the JSON path, for example {@code $.gasAnalyses[1].time}. */
    String jsonPath() {
        StringBuilder text = new StringBuilder("$");
        for (Object segment : segments) {
            text.append(segment instanceof Integer index ? "[" + index + "]" : "." + segment);
        }
        return text.toString();
    }

    /** Returns the element id of the input at this path, for example {@code field-gasAnalyses-1-time}. */
    String elementId(String prefix) {
        StringBuilder text = new StringBuilder(prefix);
        for (Object segment : segments) {
            text.append('-').append(segment);
        }
        return text.toString();
    }
}

package org.tezuo.form.validation;

import java.util.ArrayList;
import java.util.List;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

/**
 * A location in form data as a list of segments: property names ({@code String}) and array indexes
 * ({@code Integer}, starting at 0).
 */
record DataPath(List<Object> segments) {

    static final DataPath ROOT = new DataPath(List.of());

    DataPath {
        segments = List.copyOf(segments);
    }

    static DataPath of(NodePath nodePath) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < nodePath.getNameCount(); i++) {
            segments.add(nodePath.getElement(i));
        }
        return new DataPath(segments);
    }

    /** Parses a dotted path such as {@code briefing.givenBy} or {@code gasAnalyses.0.time}; digits are indexes. */
    static DataPath ofDotted(String dotted) {
        List<Object> segments = new ArrayList<>();
        for (String segment : dotted.split("\\.")) {
            segments.add(segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()
                    ? (Object) Integer.valueOf(segment) : segment);
        }
        return new DataPath(segments);
    }

    DataPath child(String name) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(name);
        return new DataPath(longer);
    }

    /** Returns the top-level property the path starts with, or an empty string for the root. */
    String topLevelName() {
        return segments.isEmpty() ? "" : String.valueOf(segments.getFirst());
    }

    /** Returns the value at this path in {@code data}, or a missing node. */
    JsonNode valueIn(JsonNode data) {
        JsonNode node = data;
        for (Object segment : segments) {
            node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
        }
        return node;
    }

    /** Renders the path dotted, row indexes included, for example {@code gasAnalyses.1.time}; empty for the root. */
    String dotted() {
        return String.join(".", segments.stream().map(String::valueOf).toList());
    }

    /** Renders the path as a JSON path such as {@code $.gasAnalyses[1].time}. */
    String jsonPath() {
        StringBuilder text = new StringBuilder("$");
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append('.').append(segment);
            }
        }
        return text.toString();
    }
}

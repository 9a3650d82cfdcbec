package org.tezuo.workflow.bpmnimport;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of an import: the flow document body when the file converts, else every problem found.
 *
 * @param document the flow document body, or null when {@code problems} is not empty
 * @param problems every unsupported element, attribute or expression, by element id
 */
public record ImportResult(@Nullable JsonNode document, List<ImportProblem> problems) {

    public ImportResult {
        problems = List.copyOf(problems);
    }

    /** Returns whether the file converted without problems. */
    public boolean succeeded() {
        return problems.isEmpty() && document != null;
    }
}

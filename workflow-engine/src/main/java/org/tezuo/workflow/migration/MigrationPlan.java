package org.tezuo.workflow.migration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What moving one running approval to another chain version would do.
 *
 * @param processInstanceId the Flowable process instance
 * @param flowKey the key of the chain the instance runs
 * @param fromVersion the version it runs on, or 0 when the instance was not found
 * @param toVersion the requested version
 * @param activeNodes the element ids the instance is waiting in
 * @param problems every reason the move is refused; empty when it is allowed
 */
public record MigrationPlan(String processInstanceId, @Nullable String flowKey, int fromVersion, int toVersion,
        List<String> activeNodes, List<MigrationProblem> problems) {

    public MigrationPlan {
        activeNodes = List.copyOf(activeNodes);
        problems = List.copyOf(problems);
    }

    /** Returns whether the instance may move. */
    public boolean allowed() {
        return problems.isEmpty();
    }
}

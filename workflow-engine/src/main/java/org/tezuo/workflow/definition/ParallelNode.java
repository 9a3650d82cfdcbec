package org.tezuo.workflow.definition;

import java.util.List;
import java.util.Objects;

/** Parallel branches (并行分支): every branch runs, and the chain goes on when all of them have passed. */
public record ParallelNode(String id, Label name, List<FlowBranch> branches) implements FlowNode {

    public ParallelNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        branches = List.copyOf(branches);
        if (branches.size() < 2) {
            throw new IllegalArgumentException("Parallel node '" + id + "' needs at least two branches");
        }
    }

    @Override
    public NodeType type() {
        return NodeType.PARALLEL;
    }
}

package org.tezuo.workflow.definition;

import java.util.List;
import java.util.Objects;

/**
 * Conditional branches (条件分支): the first branch in list order whose condition matches runs, and the default
 * branch runs when none does. Exactly one branch is the default.
 */
public record BranchNode(String id, Label name, List<FlowBranch> branches) implements FlowNode {

    public BranchNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        branches = List.copyOf(branches);
        if (branches.size() < 2) {
            throw new IllegalArgumentException("Branch node '" + id + "' needs at least two branches");
        }
        if (branches.stream().filter(FlowBranch::isDefault).count() != 1) {
            throw new IllegalArgumentException("Branch node '" + id + "' needs exactly one default branch");
        }
    }

    /** Returns the branch that runs when no condition matches. */
    public FlowBranch defaultBranch() {
        return branches.stream().filter(FlowBranch::isDefault).findFirst().orElseThrow();
    }

    @Override
    public NodeType type() {
        return NodeType.BRANCH;
    }
}

package org.tezuo.workflow.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One branch of a {@link BranchNode} or {@link ParallelNode}.
 *
 * @param id identifier, unique within the flow
 * @param condition when the branch of a branch node runs; null for the default branch and for parallel branches
 * @param isDefault whether this is the default branch of a branch node
 * @param nodes the branch's own chain, possibly empty for a conditional branch
 */
public record FlowBranch(String id, Label name, @Nullable FlowCondition condition, boolean isDefault,
        List<FlowNode> nodes) {

    public FlowBranch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
    }

    /** Returns the condition of a conditional, non-default branch. */
    public Optional<FlowCondition> when() {
        return Optional.ofNullable(condition);
    }
}

package org.tezuo.workflow.definition;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The applicant (发起人), drawn as the head of the chain.
 *
 * @param initiators who may start the chain; anyone in the tenant when null
 */
public record InitiatorNode(String id, Label name, @Nullable AssigneeSpec initiators) implements FlowNode {

    public InitiatorNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** Returns the rule naming who may start the chain, when it is limited. */
    public Optional<AssigneeSpec> restrictedTo() {
        return Optional.ofNullable(initiators);
    }

    @Override
    public NodeType type() {
        return NodeType.INITIATOR;
    }
}

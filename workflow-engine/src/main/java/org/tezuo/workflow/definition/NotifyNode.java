package org.tezuo.workflow.definition;

import java.util.Objects;

/** A message (通知) sent to the recipients through the tenant's notification connector when the chain gets here. */
public record NotifyNode(String id, Label name, AssigneeSpec assignee, Label message) implements FlowNode {

    public NotifyNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public NodeType type() {
        return NodeType.NOTIFY;
    }
}

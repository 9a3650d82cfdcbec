package org.tezuo.workflow.definition;

import java.util.Objects;

/** A carbon copy (抄送): the recipients read the application in their inbox and do not decide. */
public record CcNode(String id, Label name, AssigneeSpec assignee) implements FlowNode {

    public CcNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(assignee, "assignee");
    }

    @Override
    public NodeType type() {
        return NodeType.CC;
    }
}

package org.tezuo.workflow.definition;

import java.util.Objects;

/**
 * A check by a registered platform action, such as {@code qualificationCheck} (资质校验).
 *
 * @param action code of a registered flow action
 * @param onFail where a failed check sends the application
 */
public record GateNode(String id, Label name, String action, RejectRoute onFail) implements FlowNode {

    public GateNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(onFail, "onFail");
    }

    @Override
    public NodeType type() {
        return NodeType.GATE;
    }
}

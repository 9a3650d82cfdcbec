package org.tezuo.workflow.definition;

/** The kind of a node in an approval chain. */
public enum NodeType {
    /** The applicant (发起人); optional, and only as the first node. */
    INITIATOR("initiator"),
    /** A user task that approves, rejects or returns the application (审批人). */
    APPROVER("approver"),
    /** A carbon copy to people who read but do not decide (抄送). */
    CC("cc"),
    /** A check by a registered platform action; the chain goes on only when it passes. */
    GATE("gate"),
    /** A notification sent when the chain reaches the node (通知). */
    NOTIFY("notify"),
    /** A wait of a fixed duration (延时). */
    DELAY("delay"),
    /** Conditional branches, of which the first that matches runs (条件分支). */
    BRANCH("branch"),
    /** Parallel branches, which all run (并行分支). */
    PARALLEL("parallel");

    private final String code;

    NodeType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static NodeType fromCode(String code) {
        for (NodeType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown node type '" + code + "'");
    }
}

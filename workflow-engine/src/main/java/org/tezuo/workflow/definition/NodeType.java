package org.tezuo.workflow.definition;

/** The kind of a node in an approval chain. */
public enum NodeType {
    /** A user task that approves, rejects or returns the application. */
    APPROVER("approver"),
    /** A carbon copy to people who read but do not decide. */
    CC("cc"),
    /** A condition that decides whether the following nodes apply. */
    GATE("gate"),
    /** A notification sent when the chain reaches the node. */
    NOTIFY("notify");

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

package org.tezuo.workflow.definition;

/** The way the approvers of one node share the decision. */
public enum ApprovalMode {
    /** One task offered to every candidate; the first to claim it decides. */
    SINGLE("single"),
    /** Countersign (会签): one task per approver in parallel, and every approver must approve. */
    ALL("all"),
    /** Or-sign (或签): one task per approver in parallel, and the first decision closes the node. */
    ANY("any"),
    /** One task per approver, one after the other in the resolved order, and every approver must approve. */
    SEQUENTIAL("sequential"),
    /**
     * Pass ratio: one task per approver in parallel; the node passes once the share of approvals reaches the node's
     * pass ratio, and is rejected once that share can no longer be reached.
     */
    RATIO("ratio");

    private final String code;

    ApprovalMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ApprovalMode fromCode(String code) {
        for (ApprovalMode mode : values()) {
            if (mode.code.equals(code)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown approval mode '" + code + "'");
    }
}

package org.tezuo.workflow.definition;

/** What happens at submission when a node's rule names nobody. A node is never skipped. */
public enum NoAssigneePolicy {
    /** The submission fails with an error naming the node and its rule. */
    BLOCK("block"),
    /** The members of the node's fallback role approve instead; if that role is empty too, the submission fails. */
    FALLBACK_ROLE("fallbackRole"),
    /** The node's fallback user approves instead; if that user is not an enabled user, the submission fails. */
    FALLBACK_USER("fallbackUser");

    private final String code;

    NoAssigneePolicy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static NoAssigneePolicy fromCode(String code) {
        for (NoAssigneePolicy policy : values()) {
            if (policy.code.equals(code)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown no-assignee policy '" + code + "'");
    }
}

package org.tezuo.workflow.definition;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sign-off step (审批人).
 *
 * @param mode how several approvers share the decision; {@link ApprovalMode#SINGLE} when the document omits it
 * @param passRatio share of approvals at which a {@link ApprovalMode#RATIO} node passes, in (0, 1]; null otherwise
 * @param onReject where a rejection, or a pass ratio that can no longer be reached, sends the application
 * @param assignee rule naming the approvers
 * @param requiresRiskConfirmation whether each approver must confirm every risk item before approving
 * @param requiresSignature whether each approver signs by hand when approving
 * @param onNoAssignee what happens when the rule names nobody; {@link NoAssigneePolicy#BLOCK} when omitted
 * @param fallbackRole role that approves instead, set exactly when {@code onNoAssignee} is
 *     {@link NoAssigneePolicy#FALLBACK_ROLE}
 * @param fallbackUser user who approves instead, set exactly when {@code onNoAssignee} is
 *     {@link NoAssigneePolicy#FALLBACK_USER}
 * @param timeLimit reminders and escalation, or null for none
 */
public record ApproverNode(
        String id,
        Label name,
        ApprovalMode mode,
        @Nullable BigDecimal passRatio,
        RejectRoute onReject,
        AssigneeSpec assignee,
        boolean requiresRiskConfirmation,
        boolean requiresSignature,
        NoAssigneePolicy onNoAssignee,
        @Nullable String fallbackRole,
        @Nullable String fallbackUser,
        @Nullable TimeLimit timeLimit) implements FlowNode {

    public ApproverNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(onReject, "onReject");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(onNoAssignee, "onNoAssignee");
        if ((mode == ApprovalMode.RATIO) != (passRatio != null)) {
            throw new IllegalArgumentException("Node '" + id + "' sets a pass ratio exactly when its mode is ratio");
        }
        if ((onNoAssignee == NoAssigneePolicy.FALLBACK_ROLE) != (fallbackRole != null)
                || (onNoAssignee == NoAssigneePolicy.FALLBACK_USER) != (fallbackUser != null)) {
            throw new IllegalArgumentException("Node '" + id + "' sets a fallback role or user exactly when"
                    + " onNoAssignee names it");
        }
    }

    /** Returns a single-mode approver node that ends the chain on rejection and blocks when nobody is named. */
    public static ApproverNode single(String id, Label name, AssigneeSpec assignee) {
        return new ApproverNode(id, name, ApprovalMode.SINGLE, null, RejectRoute.END, assignee, false, false,
                NoAssigneePolicy.BLOCK, null, null, null);
    }

    /** Returns the fallback role when the node has one. */
    public Optional<String> fallback() {
        return Optional.ofNullable(fallbackRole);
    }

    /** Returns the time limit when the node has one. */
    public Optional<TimeLimit> limit() {
        return Optional.ofNullable(timeLimit);
    }

    @Override
    public NodeType type() {
        return NodeType.APPROVER;
    }
}

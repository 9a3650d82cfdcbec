package org.tezuo.workflow.definition;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One node of an approval chain.
 *
 * @param id identifier, unique within the flow and used as the BPMN element id
 * @param type what the node does
 * @param name display name
 * @param mode how several approvers share the decision; {@link ApprovalMode#SINGLE} when the document omits it
 * @param assignee rule naming the approvers
 * @param requiresRiskConfirmation whether each approver must confirm every risk item before approving
 * @param onNoAssignee what happens when the rule names nobody; {@link NoAssigneePolicy#BLOCK} when omitted
 * @param fallbackRole role that approves instead, set exactly when {@code onNoAssignee} is
 *     {@link NoAssigneePolicy#FALLBACK_ROLE}
 */
public record FlowNode(
        String id,
        NodeType type,
        Label name,
        ApprovalMode mode,
        AssigneeSpec assignee,
        boolean requiresRiskConfirmation,
        NoAssigneePolicy onNoAssignee,
        @Nullable String fallbackRole) {

    public FlowNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(onNoAssignee, "onNoAssignee");
        if ((onNoAssignee == NoAssigneePolicy.FALLBACK_ROLE) != (fallbackRole != null)) {
            throw new IllegalArgumentException("Node '" + id + "' sets a fallback role exactly when onNoAssignee is"
                    + " fallbackRole");
        }
    }

    /** Returns the fallback role when the node has one. */
    public Optional<String> fallback() {
        return Optional.ofNullable(fallbackRole);
    }
}

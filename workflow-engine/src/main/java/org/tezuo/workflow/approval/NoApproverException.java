package org.tezuo.workflow.approval;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowNode;

/** Thrown at submission when a node's rule, and its fallback role if any, names no approver. */
public final class NoApproverException extends WorkflowException {

    private final String nodeId;
    private final AssigneeSpec rule;

    NoApproverException(FlowDefinition flow, FlowNode node, @Nullable String emptyFallbackRole) {
        super(emptyFallbackRole == null ? "approval.noApprover" : "approval.noApproverWithFallback",
                flow.reference(), node.name().zh(), node.id(), node.assignee(),
                emptyFallbackRole == null ? "" : emptyFallbackRole);
        this.nodeId = node.id();
        this.rule = node.assignee();
    }

    public String nodeId() {
        return nodeId;
    }

    /** Returns the rule that named nobody. */
    public AssigneeSpec rule() {
        return rule;
    }

    /** Renders the message with the rule described in {@code locale} rather than as a record. */
    @Override
    public String message(Locale locale) {
        Object[] arguments = arguments();
        arguments[3] = UserMessages.render(BUNDLE, locale, "rule." + rule.by().code(), rule.value());
        return UserMessages.render(BUNDLE, locale, messageKey(), arguments);
    }
}

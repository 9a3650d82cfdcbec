package org.tezuo.workflow.approval;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.ApproverNode;

/** Thrown at submission when a node's rule, and its fallback role if any, names no approver. */
public final class NoApproverException extends WorkflowException {

    private final String nodeId;
    private final AssigneeSpec rule;

    private final @Nullable AssigneeSpec emptyFallback;

    NoApproverException(FlowDefinition flow, ApproverNode node, @Nullable AssigneeSpec emptyFallback) {
        super(emptyFallback == null ? "approval.noApprover" : "approval.noApproverWithFallback",
                flow.reference(), node.name().zh(), node.id(), node.assignee(),
                emptyFallback == null ? "" : emptyFallback.value());
        this.nodeId = node.id();
        this.rule = node.assignee();
        this.emptyFallback = emptyFallback;
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
        arguments[3] = AssigneeRuleText.describe(rule, locale);
        if (emptyFallback != null) {
            arguments[4] = AssigneeRuleText.describe(emptyFallback, locale);
        }
        return UserMessages.render(BUNDLE, locale, messageKey(), arguments);
    }
}

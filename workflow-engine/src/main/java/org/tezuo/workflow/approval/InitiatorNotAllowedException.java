package org.tezuo.workflow.approval;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.InitiatorNode;

/** Thrown at submission when a chain limits who may start it and the applicant is not among them. */
public final class InitiatorNotAllowedException extends WorkflowException {

    private final AssigneeSpec rule;

    InitiatorNotAllowedException(FlowDefinition flow, InitiatorNode node, String applicant) {
        super("approval.initiatorNotAllowed", flow.reference(), applicant, node.initiators(), node.name().zh());
        this.rule = java.util.Objects.requireNonNull(node.initiators());
    }

    /** Renders the message with the rule described in {@code locale}. */
    @Override
    public String message(Locale locale) {
        Object[] arguments = arguments();
        arguments[2] = AssigneeRuleText.describe(rule, locale);
        return UserMessages.render(BUNDLE, locale, messageKey(), arguments);
    }
}

package org.tezuo.workflow.approval;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.deploy.FlowableTenant;

/**
 * The execution listener the compiled BPMN calls on reaching the approved end, the rejected end or the
 * resubmission task. It passes the outcome to every {@link FlowOutcomeListener} bean.
 */
@Component(ChainVariables.OUTCOME_NOTIFIER_BEAN)
public class FlowOutcomeNotifier implements ExecutionListener {

    private final ObjectProvider<FlowOutcomeListener> listeners;

    public FlowOutcomeNotifier(ObjectProvider<FlowOutcomeListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FlowOutcome outcome = new FlowOutcome(
                FlowableTenant.parse(execution.getTenantId()),
                execution.getProcessInstanceId(),
                execution.getProcessInstanceBusinessKey(),
                (String) execution.getVariable(ChainVariables.FLOW_KEY),
                (Integer) execution.getVariable(ChainVariables.FLOW_VERSION),
                (String) execution.getVariable(ChainVariables.APPLICANT),
                (String) execution.getVariable(ApprovalDecider.DECIDED_BY),
                (String) execution.getVariable(ApprovalDecider.COMMENT));
        switch (execution.getCurrentActivityId()) {
            case ChainVariables.APPROVED_END ->
                    listeners.orderedStream().forEach(listener -> listener.onApproved(outcome));
            case ChainVariables.REJECTED_END ->
                    listeners.orderedStream().forEach(listener -> listener.onRejected(outcome));
            case ChainVariables.RESUBMIT_TASK ->
                    listeners.orderedStream().forEach(listener -> listener.onReturned(outcome));
            default -> throw new IllegalStateException("Outcome notifier called at unexpected activity "
                    + execution.getCurrentActivityId() + " of process instance " + execution.getProcessInstanceId());
        }
    }
}

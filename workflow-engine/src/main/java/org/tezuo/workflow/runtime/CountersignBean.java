package org.tezuo.workflow.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.deploy.FlowDeployer;

/**
 * The completion condition of multi-instance approver tasks, {@code ${tezuoCountersign.completes(execution,
 * 'nodeId')}}, which Flowable evaluates each time one approver's task completes. A rejection or a return closes
 * every mode at once. Or-sign closes on the first decision, countersign and sequential signing once everyone
 * approved. A pass-ratio node counts approvals and rejections in local variables of the multi-instance root
 * execution, which Flowable creates anew each time the node is entered, so the counts start afresh after a route
 * back. It closes as approved once approvals / approvers reaches the pass ratio, and as rejected once that share
 * can no longer be reached; the closing decision is written to {@link ChainVariables#decision(String)}.
 */
@Component(ChainVariables.COUNTERSIGN_BEAN)
public class CountersignBean {

    static final String APPROVALS = "tz_approvals";
    static final String REJECTIONS = "tz_rejections";
    private static final String INSTANCES = "nrOfInstances";

    private final FlowDeployer deployer;

    public CountersignBean(FlowDeployer deployer) {
        this.deployer = deployer;
    }

    /** Returns whether approver node {@code nodeId} is decided after the task that just completed. */
    public boolean completes(DelegateExecution execution, String nodeId) {
        ApproverNode node = deployer.definitionOf(execution.getProcessDefinitionId()).approver(nodeId)
                .orElseThrow(() -> new IllegalStateException("No approver node '" + nodeId + "' in process "
                        + execution.getProcessDefinitionId()));
        String decision = (String) execution.getVariable(ChainVariables.decision(nodeId));
        if (ChainVariables.DECISION_RETURNED.equals(decision)) {
            return true;
        }
        return switch (node.mode()) {
            case SINGLE, ANY -> true;
            case ALL, SEQUENTIAL -> !ChainVariables.DECISION_APPROVED.equals(decision);
            case RATIO -> ratioDecided(execution, node, decision);
        };
    }

    private static boolean ratioDecided(DelegateExecution execution, ApproverNode node, String decision) {
        DelegateExecution root = multiInstanceRoot(execution);
        int approvals = count(root, APPROVALS) + (ChainVariables.DECISION_APPROVED.equals(decision) ? 1 : 0);
        int rejections = count(root, REJECTIONS) + (ChainVariables.DECISION_REJECTED.equals(decision) ? 1 : 0);
        root.setVariableLocal(APPROVALS, approvals);
        root.setVariableLocal(REJECTIONS, rejections);
        int instances = ((Number) Objects.requireNonNull(root.getVariableLocal(INSTANCES), INSTANCES)).intValue();
        BigDecimal ratio = Objects.requireNonNull(node.passRatio());
        if (share(approvals, instances).compareTo(ratio) >= 0) {
            execution.setVariable(ChainVariables.decision(node.id()), ChainVariables.DECISION_APPROVED);
            return true;
        }
        if (share(instances - rejections, instances).compareTo(ratio) < 0) {
            execution.setVariable(ChainVariables.decision(node.id()), ChainVariables.DECISION_REJECTED);
            return true;
        }
        return false;
    }

    private static BigDecimal share(int part, int whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 10, RoundingMode.HALF_EVEN);
    }

    private static int count(DelegateExecution root, String name) {
        Object value = root.getVariableLocal(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static DelegateExecution multiInstanceRoot(DelegateExecution execution) {
        DelegateExecution current = execution;
        while (current != null && !current.isMultiInstanceRoot()) {
            current = current.getParent();
        }
        if (current == null) {
            throw new IllegalStateException("Execution " + execution.getId() + " is not inside a multi-instance task");
        }
        return current;
    }
}

package org.tezuo.workflow.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;

/**
 * Adds and removes signers of a sequential (依次) step that have not had their turn yet. Flowable reads the
 * approver list again at each turn, so the step changes by editing that list and the multi-instance root's
 * {@code nrOfInstances} together.
 */
@Component
class SequentialSigners {

    private static final String LOOP_COUNTER = "loopCounter";
    private static final String INSTANCES = "nrOfInstances";

    private final RuntimeService runtime;

    SequentialSigners(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Inserts {@code signer} right after the holder of {@code current}, the step's open task. */
    void insertAfter(Task current, String nodeId, String signer) {
        List<String> approvers = approvers(current, nodeId);
        approvers.add(nextIndex(current), signer);
        update(current, nodeId, approvers, +1);
    }

    /** Removes {@code signer} from the turns after {@code current}; returns false when no later turn is theirs. */
    boolean removeLater(Task current, String nodeId, String signer) {
        List<String> approvers = approvers(current, nodeId);
        for (int i = nextIndex(current); i < approvers.size(); i++) {
            if (approvers.get(i).equals(signer)) {
                approvers.remove(i);
                update(current, nodeId, approvers, -1);
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private List<String> approvers(Task current, String nodeId) {
        return new ArrayList<>((List<String>) runtime.getVariable(current.getProcessInstanceId(),
                ChainVariables.approvers(nodeId)));
    }

    private int nextIndex(Task current) {
        Integer loopCounter = (Integer) runtime.getVariableLocal(current.getExecutionId(), LOOP_COUNTER);
        return loopCounter == null ? 0 : loopCounter + 1;
    }

    private void update(Task current, String nodeId, List<String> approvers, int instancesChange) {
        runtime.setVariable(current.getProcessInstanceId(), ChainVariables.approvers(nodeId), approvers);
        Execution execution = runtime.createExecutionQuery().executionId(current.getExecutionId()).singleResult();
        String root = Objects.requireNonNull(execution.getParentId(), "multi-instance execution without parent");
        Integer instances = (Integer) runtime.getVariableLocal(root, INSTANCES);
        runtime.setVariableLocal(root, INSTANCES, instances + instancesChange);
    }
}

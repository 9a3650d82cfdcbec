package org.tezuo.workflow.runtime;

import java.math.BigDecimal;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.condition.ConditionFacts;
import org.tezuo.workflow.condition.FlowConditionEvaluator;
import org.tezuo.workflow.definition.BranchNode;
import org.tezuo.workflow.definition.FlowBranch;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.deploy.FlowDeployer;
import tools.jackson.databind.JsonNode;

/**
 * The bean that the flows leaving a compiled branch node call, as {@code ${tezuoFlowCondition.matches(execution,
 * 'branchId')}}. It evaluates the branch's condition from the chain the instance runs on against the form data,
 * permit grade and risk score variables, with the same evaluator that chose the approvers at submission.
 */
@Component(ChainVariables.CONDITION_BEAN)
public class FlowConditionBean {

    private final FlowDeployer deployer;
    private final FlowConditionEvaluator evaluator = new FlowConditionEvaluator();

    public FlowConditionBean(FlowDeployer deployer) {
        this.deployer = deployer;
    }

    /** Returns whether the condition of branch {@code branchId} holds for the instance of {@code execution}. */
    public boolean matches(DelegateExecution execution, String branchId) {
        FlowDefinition flow = deployer.definitionOf(execution.getProcessDefinitionId());
        FlowBranch branch = flow.allNodes().stream()
                .filter(BranchNode.class::isInstance)
                .flatMap(node -> ((BranchNode) node).branches().stream())
                .filter(candidate -> candidate.id().equals(branchId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Flow " + flow.reference() + " has no conditional branch '"
                        + branchId + "'"));
        return branch.condition() != null && evaluator.matches(branch.condition(), facts(execution));
    }

    /** Returns the facts that the variables of {@code execution} hold. */
    public static ConditionFacts facts(DelegateExecution execution) {
        Object grade = execution.getVariable(ChainVariables.PERMIT_GRADE);
        BigDecimal score = ConditionFacts.score(execution.getVariable(ChainVariables.RISK_SCORE));
        return new ConditionFacts((JsonNode) execution.getVariable(ChainVariables.FORM_DATA),
                grade == null ? null : grade.toString(), score);
    }
}

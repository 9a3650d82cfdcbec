package org.tezuo.workflow.action;

import java.util.Objects;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.DelegateHelper;
import org.flowable.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowNode;
import org.tezuo.workflow.deploy.FlowDeployer;
import org.tezuo.workflow.deploy.FlowableTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one bean that compiled BPMN service tasks call, as {@code flowable:delegateExpression="${tezuoFlowAction}"}
 * with the fields {@code action} (a registered code), {@code node} (the flow node id) and optionally
 * {@code argument}. It stores a gate's outcome in {@link ChainVariables#gateOutcome(String)} and the reason in
 * {@link ChainVariables#gateReason(String)} (a JSON object with zh and en), so the exclusive gateway that follows can route on it.
 */
@Component(ChainVariables.FLOW_ACTION_BEAN)
public class FlowActionDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(FlowActionDelegate.class);

    private final FlowActions actions;
    private final FlowDeployer deployer;
    private final JsonMapper json;

    public FlowActionDelegate(FlowActions actions, FlowDeployer deployer, JsonMapper json) {
        this.actions = actions;
        this.deployer = deployer;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = requiredField(execution, "action");
        String nodeId = requiredField(execution, "node");
        Expression argument = DelegateHelper.getFieldExpression(execution, "argument");
        FlowAction flowAction = actions.find(code).orElseThrow(() -> new IllegalStateException(
                "No flow action is registered with the code '" + code + "' (process instance "
                        + execution.getProcessInstanceId() + ")"));
        FlowDefinition flow = deployer.definitionOf(execution.getProcessDefinitionId());
        FlowNode flowNode = flow.node(nodeId).orElseThrow(() -> new IllegalStateException(
                "Flow " + flow.reference() + " has no node '" + nodeId + "'"));

        FlowActionContext context = new FlowActionContext(
                FlowableTenant.parse(execution.getTenantId()),
                execution.getProcessInstanceId(),
                Objects.requireNonNullElse(execution.getProcessInstanceBusinessKey(), ""),
                flow,
                flowNode,
                (String) execution.getVariable(ChainVariables.APPLICANT),
                (JsonNode) execution.getVariable(ChainVariables.FORM_DATA),
                argument == null ? null : (String) argument.getValue(execution));
        FlowActionResult result = flowAction.execute(context);

        execution.setVariable(ChainVariables.gateOutcome(nodeId),
                result.passed() ? ChainVariables.GATE_PASSED : ChainVariables.GATE_FAILED);
        execution.setVariable(ChainVariables.gateReason(nodeId), result.reason() == null ? null
                : json.createObjectNode().put("zh", result.reason().zh()).put("en", result.reason().en()));
        log.debug("Flow action {} at node {} of instance {}: {}", code, nodeId, execution.getProcessInstanceId(),
                result.passed() ? "passed" : "failed");
    }

    // Read through DelegateHelper rather than injected fields: the delegate is one shared bean, and injected fields
    // would race between concurrent process instances.
    private static String requiredField(DelegateExecution execution, String name) {
        Expression field = DelegateHelper.getFieldExpression(execution, name);
        if (field == null) {
            throw new IllegalStateException("Service task " + execution.getCurrentActivityId()
                    + " does not set the field '" + name + "' of " + ChainVariables.FLOW_ACTION_BEAN);
        }
        return (String) field.getValue(execution);
    }
}

package org.tezuo.workflow.bpmn;

import static org.tezuo.workflow.bpmn.ChainVariables.APPLICANT;
import static org.tezuo.workflow.bpmn.ChainVariables.APPROVED_END;
import static org.tezuo.workflow.bpmn.ChainVariables.APPROVER;
import static org.tezuo.workflow.bpmn.ChainVariables.DECISION;
import static org.tezuo.workflow.bpmn.ChainVariables.DECISION_APPROVED;
import static org.tezuo.workflow.bpmn.ChainVariables.DECISION_REJECTED;
import static org.tezuo.workflow.bpmn.ChainVariables.DECISION_RETURNED;
import static org.tezuo.workflow.bpmn.ChainVariables.OUTCOME_NOTIFIER_BEAN;
import static org.tezuo.workflow.bpmn.ChainVariables.REJECTED_END;
import static org.tezuo.workflow.bpmn.ChainVariables.RESUBMIT_TASK;
import static org.tezuo.workflow.bpmn.ChainVariables.START_EVENT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.ApprovalMode;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.InvalidFlowDefinitionException;

/**
 * Compiles an approval chain to an executable BPMN 2.0 process with diagram interchange.
 *
 * <p>The process runs: start → for each node, a user task and an exclusive gateway on {@value
 * ChainVariables#DECISION} → the approved end. Every gateway sends a rejection to the rejected end and a return
 * to the applicant's resubmission task, which leads back to the first node. A node's approvers are read from the
 * list variable {@link ChainVariables#approvers(String)}, which the application resolves at submission: single
 * mode offers one task to all of them as candidates, the other modes create one task per approver. The only code
 * the BPMN calls is the {@value ChainVariables#OUTCOME_NOTIFIER_BEAN} listener bean; it contains no scripts.
 */
public final class ChainCompiler {

    private static final String NAMESPACE = "https://tezuo.org/bpmn";
    private static final Locale NAME_LOCALE = UserMessages.DEFAULT_LOCALE;

    /** Returns the BPMN 2.0 XML of {@code flow}, encoded as UTF-8 when written to bytes. */
    public String compile(FlowDefinition flow) {
        return new String(new BpmnXMLConverter().convertToXML(toModel(flow)), StandardCharsets.UTF_8);
    }

    /** Builds the Flowable model of {@code flow}, diagram included. */
    public BpmnModel toModel(FlowDefinition flow) {
        BpmnModel model = new BpmnModel();
        model.setTargetNamespace(NAMESPACE);
        Process process = new Process();
        process.setId(flow.key());
        process.setName(flow.name().in(NAME_LOCALE));
        process.setExecutable(true);
        model.addProcess(process);
        ChainDiagram diagram = new ChainDiagram(model);

        StartEvent start = new StartEvent();
        start.setId(START_EVENT);
        start.setName(message("bpmn.start"));
        process.addFlowElement(start);
        diagram.placeStart(START_EVENT);

        EndEvent approved = endEvent(APPROVED_END, message("bpmn.approved"));
        EndEvent rejected = endEvent(REJECTED_END, message("bpmn.rejected"));
        UserTask resubmit = resubmitTask(flow.form());

        List<String> gatewayIds = new ArrayList<>();
        List<ApproverNode> approvers = approverChain(flow);
        String firstTaskId = approvers.getFirst().id();
        for (ApproverNode node : approvers) {
            UserTask task = approverTask(node, flow.form());
            process.addFlowElement(task);
            diagram.placeTask(task.getId());
            if (gatewayIds.isEmpty()) {
                addRowFlow(process, diagram, start, task);
            }

            ExclusiveGateway gateway = new ExclusiveGateway();
            gateway.setId(ChainVariables.gateway(node.id()));
            gateway.setName(message("bpmn.gateway", node.name().in(NAME_LOCALE)));
            process.addFlowElement(gateway);
            diagram.placeGateway(gateway.getId());
            addRowFlow(process, diagram, task, gateway);
            gatewayIds.add(gateway.getId());
        }

        process.addFlowElement(approved);
        process.addFlowElement(rejected);
        diagram.placeEnds(APPROVED_END, REJECTED_END);
        process.addFlowElement(resubmit);
        diagram.placeResubmitTask(RESUBMIT_TASK);

        for (int i = 0; i < gatewayIds.size(); i++) {
            String gatewayId = gatewayIds.get(i);
            String next = i + 1 < gatewayIds.size() ? approvers.get(i + 1).id() : APPROVED_END;
            SequenceFlow approve = flow(process, gatewayId, next, message("bpmn.flow.approve"), null);
            diagram.connectOnRow(approve.getId(), gatewayId, next);
            ((ExclusiveGateway) process.getFlowElement(gatewayId)).setDefaultFlow(approve.getId());

            SequenceFlow reject = flow(process, gatewayId, REJECTED_END, message("bpmn.flow.reject"),
                    decisionIs(DECISION_REJECTED));
            diagram.connectToRejected(reject.getId(), gatewayId, REJECTED_END);

            SequenceFlow toApplicant = flow(process, gatewayId, RESUBMIT_TASK, message("bpmn.flow.return"),
                    decisionIs(DECISION_RETURNED));
            diagram.connectToResubmit(toApplicant.getId(), gatewayId, RESUBMIT_TASK);
        }
        SequenceFlow again = flow(process, RESUBMIT_TASK, firstTaskId, message("bpmn.flow.resubmit"), null);
        diagram.connectResubmitToFirstTask(again.getId(), RESUBMIT_TASK, firstTaskId);
        return model;
    }

    private static List<ApproverNode> approverChain(FlowDefinition flow) {
        List<ApproverNode> approvers = new ArrayList<>();
        for (org.tezuo.workflow.definition.FlowNode node : flow.nodes()) {
            if (!(node instanceof ApproverNode approver)) {
                throw new InvalidFlowDefinitionException("flow.unsupportedNodeType", flow.reference(), node.id(),
                        node.type().code());
            }
            approvers.add(approver);
        }
        return approvers;
    }

    private static UserTask approverTask(ApproverNode node, @Nullable String form) {
        UserTask task = new UserTask();
        task.setId(node.id());
        task.setName(node.name().in(NAME_LOCALE));
        task.setFormKey(form);
        String approvers = ChainVariables.approvers(node.id());
        if (node.mode() == ApprovalMode.SINGLE) {
            task.setCandidateUsers(List.of("${" + approvers + "}"));
            return task;
        }

        MultiInstanceLoopCharacteristics loop = new MultiInstanceLoopCharacteristics();
        loop.setSequential(node.mode() == ApprovalMode.SEQUENTIAL);
        loop.setInputDataItem("${" + approvers + "}");
        loop.setElementVariable(APPROVER);
        // A rejection or a return closes the node at once. Or-sign also closes it on the first approval, while
        // countersign and sequential signing wait until every instance has approved.
        loop.setCompletionCondition(node.mode() == ApprovalMode.ANY
                ? "${true}"
                : "${" + DECISION + " != '" + DECISION_APPROVED + "'}");
        task.setLoopCharacteristics(loop);
        task.setAssignee("${" + APPROVER + "}");
        return task;
    }

    private static UserTask resubmitTask(@Nullable String form) {
        UserTask task = new UserTask();
        task.setId(RESUBMIT_TASK);
        task.setName(message("bpmn.resubmit"));
        task.setFormKey(form);
        task.setAssignee("${" + APPLICANT + "}");
        task.getExecutionListeners().add(notifier());
        return task;
    }

    private static EndEvent endEvent(String id, String name) {
        EndEvent end = new EndEvent();
        end.setId(id);
        end.setName(name);
        end.getExecutionListeners().add(notifier());
        return end;
    }

    private static FlowableListener notifier() {
        FlowableListener listener = new FlowableListener();
        listener.setEvent("start");
        listener.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
        listener.setImplementation("${" + OUTCOME_NOTIFIER_BEAN + "}");
        return listener;
    }

    private static void addRowFlow(Process process, ChainDiagram diagram, FlowNode source, FlowNode target) {
        SequenceFlow flow = flow(process, source.getId(), target.getId(), null, null);
        diagram.connectOnRow(flow.getId(), source.getId(), target.getId());
    }

    private static SequenceFlow flow(Process process, String sourceId, String targetId, @Nullable String name,
            @Nullable String condition) {
        SequenceFlow flow = new SequenceFlow(sourceId, targetId);
        flow.setId("tz_flow_" + sourceId + "_to_" + targetId);
        flow.setName(name);
        flow.setConditionExpression(condition);
        process.addFlowElement(flow);
        return flow;
    }

    private static String decisionIs(String decision) {
        return "${" + DECISION + " == '" + decision + "'}";
    }

    private static String message(String key, Object... arguments) {
        return UserMessages.render(WorkflowException.BUNDLE, NAME_LOCALE, key, arguments);
    }
}

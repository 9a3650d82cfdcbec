package org.tezuo.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.junit.jupiter.api.Test;
import org.tezuo.workflow.TestFlows;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import tools.jackson.databind.json.JsonMapper;

class ChainCompilerTest {

    private final ChainCompiler compiler = new ChainCompiler();
    private final FlowDefinitionParser parser = new FlowDefinitionParser();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void compiledXmlPassesSchemaValidationAndReadsBack() {
        String xml = compiler.compile(flow("hot-work-approval", TestFlows.HOT_WORK));

        BpmnModel model = readBack(xml);

        Process process = model.getMainProcess();
        assertThat(process.getId()).isEqualTo("hot-work-approval");
        assertThat(process.getName()).isEqualTo("动火作业审批");
        assertThat(process.findFlowElementsOfType(UserTask.class, false))
                .extracting(UserTask::getId, UserTask::getName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("workLeader", "作业负责人"),
                        org.assertj.core.groups.Tuple.tuple("unitHead", "所在单位负责人"),
                        org.assertj.core.groups.Tuple.tuple("safetyDepartment", "安全管理部门"),
                        org.assertj.core.groups.Tuple.tuple("hotWorkApprover", "动火审批人"),
                        org.assertj.core.groups.Tuple.tuple(ChainVariables.RESUBMIT_TASK, "申请人修改后重新提交"));
        assertThat(xml).contains("bpmndi:BPMNDiagram", "bpmndi:BPMNPlane", "bpmndi:BPMNShape", "bpmndi:BPMNEdge",
                "omgdc:Bounds", "omgdi:waypoint");
    }

    @Test
    void everyNodeAndEdgeHasDiagramInformation() {
        BpmnModel model = readBack(compiler.compile(flow("hot-work-approval", TestFlows.HOT_WORK)));

        for (FlowElement element : model.getMainProcess().getFlowElements()) {
            if (element instanceof SequenceFlow flow) {
                List<GraphicInfo> waypoints = model.getFlowLocationGraphicInfo(flow.getId());
                assertThat(waypoints).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
            } else {
                GraphicInfo bounds = model.getGraphicInfo(element.getId());
                assertThat(bounds).as("bounds of %s", element.getId()).isNotNull();
                assertThat(bounds.getWidth()).as("width of %s", element.getId()).isPositive();
                assertThat(bounds.getHeight()).as("height of %s", element.getId()).isPositive();
            }
        }
    }

    @Test
    void gatewaysRouteRejectReturnAndApprove() {
        Process process = readBack(compiler.compile(flow("hot-work-approval", TestFlows.HOT_WORK))).getMainProcess();

        FlowNode gateway = (FlowNode) process.getFlowElement(ChainVariables.gateway("unitHead"));

        assertThat(gateway.getOutgoingFlows())
                .extracting(SequenceFlow::getTargetRef, SequenceFlow::getConditionExpression)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("safetyDepartment", null),
                        org.assertj.core.groups.Tuple.tuple(ChainVariables.REJECTED_END, "${tz_decision == 'REJECTED'}"),
                        org.assertj.core.groups.Tuple.tuple(ChainVariables.RESUBMIT_TASK, "${tz_decision == 'RETURNED'}"));
        assertThat(((FlowNode) process.getFlowElement(ChainVariables.RESUBMIT_TASK)).getOutgoingFlows())
                .extracting(SequenceFlow::getTargetRef)
                .containsExactly("workLeader");
    }

    @Test
    void singleModeOffersTaskToCandidates() {
        UserTask task = (UserTask) readBack(compiler.compile(flow("hot-work-approval", TestFlows.HOT_WORK)))
                .getMainProcess().getFlowElement("workLeader");

        assertThat(task.getCandidateUsers()).containsExactly("${tz_approvers_workLeader}");
        assertThat(task.getLoopCharacteristics()).isNull();
    }

    @Test
    void countersignIsParallelMultiInstance() {
        UserTask task = (UserTask) readBack(compiler.compile(flow("excavation", TestFlows.COUNTERSIGN)))
                .getMainProcess().getFlowElement("countersign");

        assertThat(task.getLoopCharacteristics().isSequential()).isFalse();
        assertThat(task.getLoopCharacteristics().getInputDataItem()).isEqualTo("${tz_approvers_countersign}");
        assertThat(task.getLoopCharacteristics().getCompletionCondition()).isEqualTo("${tz_decision != 'APPROVED'}");
        assertThat(task.getAssignee()).isEqualTo("${tz_approver}");
    }

    @Test
    void sequentialAndAnyModesCompile() {
        String sequential = TestFlows.COUNTERSIGN.replace("\"all\"", "\"sequential\"");
        String any = TestFlows.COUNTERSIGN.replace("\"all\"", "\"any\"");

        UserTask sequentialTask = (UserTask) readBack(compiler.compile(flow("seq", sequential)))
                .getMainProcess().getFlowElement("countersign");
        UserTask anyTask = (UserTask) readBack(compiler.compile(flow("any", any)))
                .getMainProcess().getFlowElement("countersign");

        assertThat(sequentialTask.getLoopCharacteristics().isSequential()).isTrue();
        assertThat(anyTask.getLoopCharacteristics().isSequential()).isFalse();
        assertThat(anyTask.getLoopCharacteristics().getCompletionCondition()).isEqualTo("${true}");
    }

    @Test
    void onlyTheOutcomeNotifierIsCalled() {
        Process process = readBack(compiler.compile(flow("hot-work-approval", TestFlows.HOT_WORK))).getMainProcess();

        List<FlowableListener> listeners = process.getFlowElements().stream()
                .flatMap(element -> element.getExecutionListeners().stream())
                .toList();

        assertThat(process.findFlowElementsOfType(ScriptTask.class)).isEmpty();
        assertThat(process.findFlowElementsOfType(ServiceTask.class)).isEmpty();
        assertThat(listeners).hasSize(3);
        assertThat(listeners).extracting(FlowableListener::getImplementation)
                .containsOnly("${" + ChainVariables.OUTCOME_NOTIFIER_BEAN + "}");
    }

    private FlowDefinition flow(String key, String body) {
        return parser.parse(key, 1, "checksum", json.readTree(body));
    }

    private static BpmnModel readBack(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true);
    }
}

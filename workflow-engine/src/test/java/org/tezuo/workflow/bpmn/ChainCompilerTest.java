package org.tezuo.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
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
                .containsExactlyInAnyOrder(
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
                        org.assertj.core.groups.Tuple.tuple(ChainVariables.REJECTED_END, "${execution.getVariable('tz_decision_unitHead') == 'REJECTED'}"),
                        org.assertj.core.groups.Tuple.tuple(ChainVariables.RESUBMIT_TASK, "${execution.getVariable('tz_decision_unitHead') == 'RETURNED'}"));
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
        assertThat(task.getLoopCharacteristics().getCompletionCondition()).isEqualTo("${tezuoCountersign.completes(execution, 'countersign')}");
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
        assertThat(anyTask.getLoopCharacteristics().getCompletionCondition())
                .isEqualTo("${tezuoCountersign.completes(execution, 'countersign')}");
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

    @Test
    void fullChainRoundTripsWithDiagram() throws IOException {
        String xml = compiler.compile(fullChain());

        BpmnModel model = readBack(xml);

        List<FlowElement> elements = model.getMainProcess().findFlowElementsOfType(FlowElement.class, true);
        assertThat(elements).extracting(FlowElement::getId).contains("qualification", "unitHead", "byGrade",
                "experts", "checks", "safety", "equipment", "copyHse", "wait", "tell", "director");
        for (FlowElement element : elements) {
            if (element instanceof SequenceFlow flow) {
                assertThat(model.getFlowLocationGraphicInfo(flow.getId())).as("waypoints of %s", flow.getId())
                        .hasSizeGreaterThanOrEqualTo(2);
            } else {
                assertThat(model.getGraphicInfo(element.getId())).as("bounds of %s", element.getId()).isNotNull();
            }
        }
        List<ValidationError> errors = new ProcessValidatorFactory().createDefaultProcessValidator().validate(model);
        assertThat(errors).as("Flowable validation").isEmpty();
    }

    @Test
    void fullChainShapesDoNotOverlap() throws IOException {
        BpmnModel model = compiler.toModel(fullChain());

        List<FlowElement> shapes = model.getMainProcess().findFlowElementsOfType(FlowElement.class, true).stream()
                .filter(element -> !(element instanceof SequenceFlow) && !(element instanceof BoundaryEvent)
                        && !(element instanceof SubProcess))
                .toList();
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                GraphicInfo a = model.getGraphicInfo(shapes.get(i).getId());
                GraphicInfo b = model.getGraphicInfo(shapes.get(j).getId());
                boolean overlap = a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
                assertThat(overlap).as("%s overlaps %s", shapes.get(i).getId(), shapes.get(j).getId()).isFalse();
            }
        }
    }

    @Test
    void parallelNodeIsSubProcessWithEscapes() throws IOException {
        BpmnModel model = compiler.toModel(fullChain());

        SubProcess checks = (SubProcess) model.getMainProcess().getFlowElement("checks");

        assertThat(checks.getFlowElements()).filteredOn(ParallelGateway.class::isInstance).extracting(FlowElement::getId)
                .containsExactlyInAnyOrder("tz_fork_checks", "tz_join_checks");
        assertThat(checks.getBoundaryEvents()).extracting(event -> event.getEventDefinitions().getFirst())
                .allMatch(ErrorEventDefinition.class::isInstance);
        assertThat(checks.getBoundaryEvents()).isNotEmpty();
    }

    @Test
    void branchFlowsAskConditionBean() throws IOException {
        BpmnModel model = readBack(compiler.compile(fullChain()));

        ExclusiveGateway fork = (ExclusiveGateway) model.getMainProcess().getFlowElement("byGrade");

        assertThat(fork.getOutgoingFlows()).extracting(SequenceFlow::getId, SequenceFlow::getConditionExpression)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tz_branch_special",
                                "${tezuoFlowCondition.matches(execution, 'special')}"),
                        org.assertj.core.groups.Tuple.tuple("tz_branch_ordinary", null));
        assertThat(fork.getDefaultFlow()).isEqualTo("tz_branch_ordinary");
    }

    @Test
    void onlyPlatformBeansAreCalled() throws IOException {
        String xml = compiler.compile(fullChain());

        assertThat(xml).doesNotContain("flowable:class=", "flowable:expression=", "scriptTask");
        BpmnModel model = readBack(xml);
        for (ServiceTask task : model.getMainProcess().findFlowElementsOfType(ServiceTask.class, true)) {
            assertThat(task.getImplementation()).as(task.getId()).isEqualTo("${tezuoFlowAction}");
        }
    }

    private FlowDefinition fullChain() throws IOException {
        return flow("confined-space", Files.readString(
                Path.of("../metadata/src/test/resources/org/tezuo/metadata/flows/full-chain.json")));
    }

    private FlowDefinition flow(String key, String body) {
        return parser.parse(key, 1, "checksum", json.readTree(body));
    }

    private static BpmnModel readBack(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true);
    }
}

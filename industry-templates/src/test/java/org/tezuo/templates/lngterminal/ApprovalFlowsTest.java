package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.definition.ApprovalMode;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.AssigneeSource;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import org.tezuo.workflow.definition.NoAssigneePolicy;

/** The approval chains of temporary electricity, excavation and road closure, in the sign-off order of Annex A. */
class ApprovalFlowsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"temporary-electricity-approval", "excavation-approval", "road-closure-approval"})
    @DisplayName("Each chain satisfies the flow meta-schema, blocks without approvers and confirms risk items")
    void chainIsWellFormed(String key) {
        FlowDefinition flow = parse(key);

        assertThat(new MetaSchemaValidator().validate(MetadataKind.FLOW, TemplateDocuments.read("flow/" + key
                + ".json"), UserMessages.DEFAULT_LOCALE)).isEmpty();
        assertThat(flow.approvers()).extracting(ApproverNode::requiresRiskConfirmation).containsOnly(true);
        assertThat(flow.approvers()).extracting(ApproverNode::onNoAssignee).containsOnly(NoAssigneePolicy.BLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"temporary-electricity-approval", "excavation-approval", "road-closure-approval"})
    @DisplayName("Each chain compiles to BPMN that Flowable reads back, approvals running in chain order")
    void chainCompilesInSignOffOrder(String key) {
        FlowDefinition flow = parse(key);

        Process process = readBack(new ChainCompiler().compile(flow)).getMainProcess();

        assertThat(process.getId()).isEqualTo(key);
        assertThat(approvalPath(process)).containsExactlyElementsOf(
                flow.approvers().stream().map(ApproverNode::id).toList());
    }

    @Test
    @DisplayName("Temporary electricity: work leader, user unit, power supply unit (Annex A.6, Table B.1)")
    void temporaryElectricityFollowsAnnexA6() {
        FlowDefinition flow = parse("temporary-electricity-approval");

        assertThat(flow.approvers())
                .extracting(node -> node.name().zh(), node -> node.assignee().by(), node -> node.assignee().value())
                .containsExactly(
                        tuple("作业负责人", AssigneeSource.FORM_FIELD, "workLeader"),
                        tuple("用电单位", AssigneeSource.APPLICANT_ORG_ROLE, "UNIT_HEAD"),
                        tuple("配送电单位", AssigneeSource.FORM_FIELD, "powerSupplyApprover"));
        assertThat(flow.approvers()).extracting(ApproverNode::mode).containsOnly(ApprovalMode.SINGLE);
        assertPersonFieldsExist("temporary-electricity-permit", flow);
    }

    @Test
    @DisplayName("Excavation: work leader, unit, every listed department together, approving department (Annex A.7)")
    void excavationFollowsAnnexA7() {
        FlowDefinition flow = parse("excavation-approval");

        assertThat(flow.approvers())
                .extracting(node -> node.name().zh(), node -> node.mode(), node -> node.assignee().value())
                .containsExactly(
                        tuple("作业负责人", ApprovalMode.SINGLE, "workLeader"),
                        tuple("所在单位负责人", ApprovalMode.SINGLE, "UNIT_HEAD"),
                        tuple("有关部门会签", ApprovalMode.ALL, "countersigners.signer"),
                        tuple("审批部门", ApprovalMode.SINGLE, "SAFETY_DIRECTOR"));
        assertPersonFieldsExist("excavation-permit", flow);
    }

    @Test
    @DisplayName("Road closure: work leader, unit, fire and safety departments, approving department (Annex A.8)")
    void roadClosureFollowsAnnexA8() {
        FlowDefinition flow = parse("road-closure-approval");

        assertThat(flow.approvers())
                .extracting(node -> node.name().zh(), node -> node.assignee().by(), node -> node.assignee().value())
                .containsExactly(
                        tuple("作业负责人", AssigneeSource.FORM_FIELD, "workLeader"),
                        tuple("所在单位负责人", AssigneeSource.APPLICANT_ORG_ROLE, "UNIT_HEAD"),
                        tuple("消防、安全管理部门", AssigneeSource.ROLE, "SAFETY_ENGINEER"),
                        tuple("审批部门", AssigneeSource.ROLE, "SAFETY_DIRECTOR"));
        assertPersonFieldsExist("road-closure-permit", flow);
    }

    private static FlowDefinition parse(String key) {
        return new FlowDefinitionParser().parse(key, 1, "checksum", TemplateDocuments.read("flow/" + key + ".json"));
    }

    /** Asserts that every form-field assignee names a person field of the chain's form. */
    private static void assertPersonFieldsExist(String formKey, FlowDefinition flow) {
        FormDefinition form = new FormDefinitionParser().parse(formKey, 1,
                TemplateDocuments.read("form/" + formKey + ".json"));
        assertThat(flow.form()).isEqualTo(formKey);
        flow.approvers().stream()
                .filter(node -> node.assignee().by() == AssigneeSource.FORM_FIELD)
                .forEach(node -> assertThat(form.fieldAt(node.assignee().value())).as(node.id())
                        .hasValueSatisfying(field -> assertThat(field.widget()).isEqualTo(FieldWidget.PERSON)));
    }

    /**
     * Returns the user tasks met from the start event along the approving route: at each gateway the flow without
     * a condition, which the approver's decision APPROVED takes.
     */
    private static List<String> approvalPath(Process process) {
        List<String> tasks = new ArrayList<>();
        FlowElement current = process.getFlowElement(ChainVariables.START_EVENT);
        for (int step = 0; step < 100 && !(current instanceof EndEvent); step++) {
            if (current instanceof UserTask task) {
                tasks.add(task.getId());
            }
            List<SequenceFlow> outgoing = ((FlowNode) current).getOutgoingFlows();
            SequenceFlow next = outgoing.size() == 1 ? outgoing.getFirst() : outgoing.stream()
                    .filter(flow -> flow.getConditionExpression() == null)
                    .findFirst()
                    .orElseThrow();
            current = process.getFlowElement(next.getTargetRef());
        }
        assertThat(current).isInstanceOf(EndEvent.class);
        assertThat(current.getId()).isEqualTo(ChainVariables.APPROVED_END);
        return tasks;
    }

    private static BpmnModel readBack(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true);
    }
}

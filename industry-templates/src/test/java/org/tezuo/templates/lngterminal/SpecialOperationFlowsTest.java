package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.definition.ApprovalMode;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.AssigneeSource;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import org.tezuo.workflow.definition.NoAssigneePolicy;
import tools.jackson.databind.JsonNode;

/** The approval flows of the confined-space, blind-flange, work-at-height and lifting permits. */
class SpecialOperationFlowsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"confined-space-approval", "blind-flange-approval", "work-at-height-approval",
        "lifting-approval"})
    @DisplayName("Each flow satisfies the flow meta-schema and compiles to BPMN")
    void flowCompiles(String key) {
        JsonNode body = TemplateDocuments.read("flow/" + key + ".json");
        FlowDefinition flow = parse(key);

        String xml = new ChainCompiler().compile(flow);

        assertThat(new MetaSchemaValidator().validate(MetadataKind.FLOW, body, UserMessages.DEFAULT_LOCALE))
                .isEmpty();
        assertThat(xml).contains("<process id=\"" + key + "\"", "name=\"所在单位负责人\"");
        assertThat(flow.approvers()).extracting(ApproverNode::mode).containsOnly(ApprovalMode.SINGLE);
        assertThat(flow.approvers()).extracting(ApproverNode::requiresRiskConfirmation).containsOnly(true);
        assertThat(flow.approvers()).extracting(ApproverNode::onNoAssignee).containsOnly(NoAssigneePolicy.BLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"confined-space-approval", "blind-flange-approval"})
    @DisplayName("Confined-space and blind-flange permits go to the work leader, then the unit that approves them")
    void workLeaderThenUnit(String key) {
        FlowDefinition flow = parse(key);

        assertThat(flow.approvers())
                .extracting(node -> node.name().zh(), node -> node.assignee().by(), node -> node.assignee().value())
                .containsExactly(
                        tuple("作业负责人", AssigneeSource.FORM_FIELD, "workLeader"),
                        tuple("所在单位负责人", AssigneeSource.APPLICANT_ORG_ROLE, "UNIT_HEAD"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "I级|作业负责人,所在单位负责人",
        "II级|作业负责人,所在单位负责人,审批部门（所在单位专业部门）",
        "III级|作业负责人,所在单位负责人,审批部门（所在单位专业部门）",
        "IV级|作业负责人,所在单位负责人,审核部门（所在单位专业部门）,审批部门（主管厂长或总工程师）"
    })
    @DisplayName("Work at height is signed off in the order of table A.4 by the approver table B.1 names for the grade")
    void workAtHeightByGrade(String grade, String approvers) {
        FlowDefinition flow = parse("work-at-height-approval");

        List<String> path = TemplateDocuments.approversFor(flow, grade(grade));

        assertThat(path).containsExactly(approvers.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "一级|作业指挥,所在单位负责人,审核部门（所在单位专业部门）,审批部门（主管厂长或总工程师）",
        "二级|作业指挥,所在单位负责人,审批部门（所在单位专业部门）",
        "三级|作业指挥,所在单位负责人,审批部门（所在单位专业部门）"
    })
    @DisplayName("Lifting is signed off in the order of table A.5 by the approver table B.1 names for the grade")
    void liftingByGrade(String grade, String approvers) {
        FlowDefinition flow = parse("lifting-approval");

        List<String> path = TemplateDocuments.approversFor(flow, grade(grade));

        assertThat(path).containsExactly(approvers.split(","));
    }

    @Test
    @DisplayName("The plant approver of grade IV work at height and grade 1 lifting is the safety director")
    void plantApproverRole() {
        for (String key : List.of("work-at-height-approval", "lifting-approval")) {
            ApproverNode plantApprover = parse(key).approver("plantApprover").orElseThrow();

            assertThat(plantApprover.assignee().by()).isEqualTo(AssigneeSource.ROLE);
            assertThat(plantApprover.assignee().value()).isEqualTo("SAFETY_DIRECTOR");
        }
    }

    private static FlowDefinition parse(String key) {
        return new FlowDefinitionParser().parse(key, 1, "checksum", TemplateDocuments.read("flow/" + key + ".json"));
    }

    private static JsonNode grade(String grade) {
        return TemplateDocuments.JSON.createObjectNode().put("grade", grade);
    }
}

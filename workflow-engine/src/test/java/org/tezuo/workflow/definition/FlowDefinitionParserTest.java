package org.tezuo.workflow.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tezuo.workflow.TestFlows;
import tools.jackson.databind.json.JsonMapper;

class FlowDefinitionParserTest {

    private final FlowDefinitionParser parser = new FlowDefinitionParser();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void hotWorkFlowParsesInOrder() {
        FlowDefinition flow = parser.parse("hot-work-approval", 3, "abc", json.readTree(TestFlows.HOT_WORK));

        assertThat(flow.reference()).isEqualTo("flow:hot-work-approval@3");
        assertThat(flow.form()).isEqualTo("hot-work-permit");
        assertThat(flow.nodes()).extracting(FlowNode::id)
                .containsExactly("workLeader", "unitHead", "safetyDepartment", "hotWorkApprover");
        FlowNode unitHead = flow.node("unitHead").orElseThrow();
        assertThat(unitHead.assignee()).isEqualTo(
                new AssigneeSpec(AssigneeSource.APPLICANT_ORG_ROLE, "UNIT_HEAD", null, null));
        assertThat(unitHead.mode()).isEqualTo(ApprovalMode.SINGLE);
        assertThat(unitHead.requiresRiskConfirmation()).isTrue();
        assertThat(unitHead.onNoAssignee()).isEqualTo(NoAssigneePolicy.BLOCK);
        assertThat(unitHead.fallback()).isEmpty();
    }

    @Test
    void fallbackRoleIsParsed() {
        FlowNode node = parser.parse("power", 1, "abc", json.readTree(TestFlows.FORM_FIELD_WITH_FALLBACK))
                .nodes().getFirst();

        assertThat(node.assignee().value()).isEqualTo("powerSupervisor");
        assertThat(node.fallback()).contains("POWER_DISPATCHER");
    }

    @Test
    void roleRuleWithoutRoleIsInvalid() {
        String body = TestFlows.COUNTERSIGN.replace("\"role\": \"SAFETY_ENGINEER\"", "\"user\": \"x\"");

        assertThatThrownBy(() -> parser.parse("excavation", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessageStartingWith("流程 flow:excavation@1 不符合流程元模式：")
                .hasMessageContaining("role");
    }

    @Test
    void fallbackPolicyWithoutRoleIsInvalid() {
        String body = TestFlows.FORM_FIELD_WITH_FALLBACK.replace(", \"fallbackRole\": \"POWER_DISPATCHER\"", "");

        assertThatThrownBy(() -> parser.parse("power", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessageContaining("fallbackRole");
    }

    @Test
    void duplicateNodeIdIsRejected() {
        String body = TestFlows.HOT_WORK.replace("\"id\": \"unitHead\"", "\"id\": \"workLeader\"");

        assertThatThrownBy(() -> parser.parse("hot-work-approval", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessage("流程 flow:hot-work-approval@1 中节点 ID“workLeader”出现了多次；请为每个节点使用不同的 ID");
    }

    @Test
    void reservedNodeIdIsRejected() {
        String body = TestFlows.COUNTERSIGN.replace("\"id\": \"countersign\"", "\"id\": \"tz_start\"");

        assertThatThrownBy(() -> parser.parse("excavation", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessage("流程 flow:excavation@1 中节点 ID“tz_start”以保留前缀“tz_”开头；请改用其他 ID");
    }

    @Test
    void notifyNodeIsRejectedAsUnsupported() {
        String body = TestFlows.COUNTERSIGN.replace("\"type\": \"approver\"", "\"type\": \"notify\"");

        assertThatThrownBy(() -> parser.parse("excavation", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessage("流程 flow:excavation@1 的节点“countersign”类型为“notify”，当前版本只支持审批节点（approver）；"
                        + "请删除该节点或改为审批节点");
    }
}

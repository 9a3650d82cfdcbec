package org.tezuo.workflow.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tezuo.workflow.TestFlows;
import tools.jackson.databind.JsonNode;
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
        ApproverNode unitHead = flow.approver("unitHead").orElseThrow();
        assertThat(unitHead.assignee()).isEqualTo(
                new AssigneeSpec(AssigneeSource.APPLICANT_ORG_ROLE, "UNIT_HEAD", null, null));
        assertThat(unitHead.mode()).isEqualTo(ApprovalMode.SINGLE);
        assertThat(unitHead.requiresRiskConfirmation()).isTrue();
        assertThat(unitHead.onNoAssignee()).isEqualTo(NoAssigneePolicy.BLOCK);
        assertThat(unitHead.fallback()).isEmpty();
    }

    @Test
    void everyNodeTypeParsesIntoTree() throws IOException {
        // The meta-schema's sample chain, shared with the metadata module's tests.
        JsonNode body = json.readTree(Files.readString(
                Path.of("../metadata/src/test/resources/org/tezuo/metadata/flows/full-chain.json")));

        FlowDefinition flow = parser.parse("confined-space", 1, "abc", body);

        assertThat(flow.nodes()).extracting(FlowNode::type).containsExactly(NodeType.INITIATOR, NodeType.GATE,
                NodeType.APPROVER, NodeType.BRANCH, NodeType.PARALLEL, NodeType.CC, NodeType.DELAY, NodeType.NOTIFY,
                NodeType.APPROVER);
        assertThat(flow.approvers()).extracting(ApproverNode::id)
                .containsExactly("unitHead", "experts", "safety", "equipment", "director");
        ApproverNode experts = flow.approver("experts").orElseThrow();
        assertThat(experts.mode()).isEqualTo(ApprovalMode.RATIO);
        assertThat(experts.passRatio()).isEqualByComparingTo("0.67");
        assertThat(experts.onReject()).isEqualTo(new RejectRoute(RejectRoute.Target.NODE, "unitHead"));
        assertThat(experts.assignee().roles()).containsExactly("SAFETY_ENGINEER", "SAFETY_DIRECTOR");
        TimeLimit limit = flow.approver("unitHead").orElseThrow().limit().orElseThrow();
        assertThat(limit.remindAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(limit.escalateAfter()).isEqualTo(Duration.ofHours(8));
        assertThat(limit.escalationTarget()).contains(new AssigneeSpec(AssigneeSource.PARENT_ORG_ROLE, "UNIT_HEAD",
                null, null));
        BranchNode byGrade = (BranchNode) flow.node("byGrade").orElseThrow();
        assertThat(byGrade.defaultBranch().id()).isEqualTo("ordinary");
        assertThat(byGrade.branches().getFirst().when()).containsInstanceOf(FlowCondition.Any.class);
        assertThat(((DelayNode) flow.node("wait").orElseThrow()).duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(flow.safetySignOff()).isTrue();
    }

    @Test
    void twoDefaultBranchesAreInvalid() {
        String body = """
                {"name": {"zh": "分支"}, "nodes": [{"id": "b", "type": "branch", "name": {"zh": "分支"}, "branches": [
                  {"id": "x", "name": {"zh": "甲"}, "default": true},
                  {"id": "y", "name": {"zh": "乙"}, "default": true}]}]}""";

        assertThatThrownBy(() -> parser.parse("twoDefaults", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessageContaining("x、y");
    }

    @Test
    void routeIntoEarlierBranchIsInvalid() {
        String body = """
                {"name": {"zh": "退回"}, "nodes": [
                  {"id": "pick", "type": "branch", "name": {"zh": "分支"}, "branches": [
                    {"id": "hit", "name": {"zh": "命中"}, "condition": {"source": "riskScore", "op": "gt", "value": 1},
                     "nodes": [{"id": "inner", "type": "approver", "name": {"zh": "内"},
                                "assignee": {"by": "role", "role": "R"}}]},
                    {"id": "other", "name": {"zh": "其他"}, "default": true, "nodes": []}]},
                  {"id": "after", "type": "approver", "name": {"zh": "后"}, "onReject": {"to": "node", "node": "inner"},
                   "assignee": {"by": "role", "role": "R"}}]}""";

        assertThatThrownBy(() -> parser.parse("branchy", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessageContaining("“after”退回到“inner”");
    }

    @Test
    void routeFromBranchToOuterNodeIsValid() {
        String body = """
                {"name": {"zh": "退回"}, "nodes": [
                  {"id": "first", "type": "approver", "name": {"zh": "一"}, "assignee": {"by": "role", "role": "R"}},
                  {"id": "both", "type": "parallel", "name": {"zh": "并行"}, "branches": [
                    {"id": "left", "name": {"zh": "左"}, "nodes": [
                      {"id": "inner", "type": "approver", "name": {"zh": "内"}, "assignee": {"by": "role", "role": "R"}},
                      {"id": "deeper", "type": "approver", "name": {"zh": "深"}, "onReject": {"to": "node", "node": "inner"},
                       "assignee": {"by": "role", "role": "R"}}]},
                    {"id": "right", "name": {"zh": "右"}, "nodes": [
                      {"id": "sibling", "type": "approver", "name": {"zh": "右"}, "onReject": {"to": "node", "node": "first"},
                       "assignee": {"by": "role", "role": "R"}}]}]}]}""";

        FlowDefinition flow = parser.parse("outer", 1, "abc", json.readTree(body));

        assertThat(flow.approver("sibling").orElseThrow().onReject().node()).isEqualTo("first");
        assertThat(flow.approver("deeper").orElseThrow().onReject().node()).isEqualTo("inner");
    }

    @Test
    void routeToLaterNodeIsInvalid() {
        String body = """
                {"name": {"zh": "退回"}, "nodes": [
                  {"id": "a", "type": "approver", "name": {"zh": "甲"}, "onReject": {"to": "node", "node": "b"},
                   "assignee": {"by": "role", "role": "R"}},
                  {"id": "b", "type": "approver", "name": {"zh": "乙"}, "assignee": {"by": "role", "role": "R"}}]}""";

        assertThatThrownBy(() -> parser.parse("later", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessageContaining("“a”退回到“b”");
    }

    @Test
    void duplicateIdAcrossBranchesIsInvalid() {
        String body = """
                {"name": {"zh": "并行"}, "nodes": [{"id": "p", "type": "parallel", "name": {"zh": "并行"}, "branches": [
                  {"id": "x", "name": {"zh": "甲"}, "nodes": [
                    {"id": "a", "type": "cc", "name": {"zh": "抄送"}, "assignee": {"by": "role", "role": "R"}}]},
                  {"id": "y", "name": {"zh": "乙"}, "nodes": [
                    {"id": "a", "type": "cc", "name": {"zh": "抄送"}, "assignee": {"by": "role", "role": "R"}}]}]}]}""";

        assertThatThrownBy(() -> parser.parse("dup", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessageContaining("“a”出现了多次");
    }

    @Test
    void fallbackRoleIsParsed() {
        ApproverNode node = parser.parse("power", 1, "abc", json.readTree(TestFlows.FORM_FIELD_WITH_FALLBACK))
                .approvers().getFirst();

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
    void notifyNodeNeedsMessage() {
        String body = TestFlows.COUNTERSIGN.replace("\"type\": \"approver\"", "\"type\": \"notify\"");

        assertThatThrownBy(() -> parser.parse("excavation", 1, "abc", json.readTree(body)))
                .isInstanceOf(InvalidFlowDefinitionException.class)
                .hasMessageContaining("message");
    }
}

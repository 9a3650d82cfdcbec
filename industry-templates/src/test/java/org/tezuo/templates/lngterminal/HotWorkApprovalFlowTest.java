package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.definition.ApprovalMode;
import org.tezuo.workflow.definition.AssigneeSource;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.NoAssigneePolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HotWorkApprovalFlowTest {

    private static final String RESOURCE = "/org/tezuo/templates/lng-terminal/flow/hot-work-approval.json";

    @Test
    void documentSatisfiesFlowMetaSchema() throws IOException {
        JsonNode body = read();

        assertThat(new MetaSchemaValidator().validate(MetadataKind.FLOW, body, UserMessages.DEFAULT_LOCALE)).isEmpty();
    }

    @Test
    void nodesFollowAnnexASignOffOrder() throws IOException {
        FlowDefinition flow = new FlowDefinitionParser().parse("hot-work-approval", 1, "checksum", read());

        assertThat(flow.approvers())
                .extracting(node -> node.name().zh(), node -> node.assignee().by(), node -> node.assignee().value())
                .containsExactly(
                        tuple("作业负责人", AssigneeSource.FORM_FIELD, "workLeader"),
                        tuple("所在单位负责人", AssigneeSource.APPLICANT_ORG_ROLE, "UNIT_HEAD"),
                        tuple("安全管理部门", AssigneeSource.ROLE, "SAFETY_ENGINEER"),
                        tuple("动火审批人", AssigneeSource.ROLE, "SAFETY_DIRECTOR"));
        assertThat(flow.approvers()).extracting(ApproverNode::mode).containsOnly(ApprovalMode.SINGLE);
        assertThat(flow.approvers()).extracting(ApproverNode::requiresRiskConfirmation).containsOnly(true);
        assertThat(flow.approvers()).extracting(ApproverNode::onNoAssignee).containsOnly(NoAssigneePolicy.BLOCK);
    }

    @Test
    void documentCompilesToBpmn() throws IOException {
        FlowDefinition flow = new FlowDefinitionParser().parse("hot-work-approval", 1, "checksum", read());

        String xml = new ChainCompiler().compile(flow);

        assertThat(xml).contains("<process id=\"hot-work-approval\"", "name=\"动火审批人\"");
    }

    private static JsonNode read() throws IOException {
        try (InputStream in = HotWorkApprovalFlowTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }
}

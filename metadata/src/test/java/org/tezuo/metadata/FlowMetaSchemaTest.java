package org.tezuo.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FlowMetaSchemaTest {

    private final MetaSchemaValidator validator = new MetaSchemaValidator();
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode fullChain() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("flows/full-chain.json")) {
            return json.readTree(in);
        }
    }

    private List<MetaSchemaViolation> validate(JsonNode flow) {
        return validator.validate(MetadataKind.FLOW, flow, Locale.ENGLISH);
    }

    private List<MetaSchemaViolation> validateNode(String node) {
        return validate(json.readTree("""
                {"name": {"zh": "审批"}, "nodes": [%s]}""".formatted(node)));
    }

    @Test
    void everyNodeTypeIsAccepted() throws IOException {
        assertThat(validate(fullChain())).isEmpty();
    }

    @Test
    void ratioWithoutPassRatioIsRejected() {
        assertThat(validateNode("""
                {"id": "a", "type": "approver", "name": {"zh": "会签"}, "mode": "ratio",
                 "assignee": {"by": "role", "role": "R"}}""")).extracting(MetaSchemaViolation::path).contains("/nodes/0");
    }

    @Test
    void approverFieldOnCcIsRejected() {
        assertThat(validateNode("""
                {"id": "a", "type": "cc", "name": {"zh": "抄送"}, "mode": "all",
                 "assignee": {"by": "role", "role": "R"}}""")).isNotEmpty();
    }

    @Test
    void branchWithTwoDefaultsIsAccepted() {
        // Two default branches pass the meta-schema; the flow parser rejects them with the branch ids.
        assertThat(validateNode("""
                {"id": "b", "type": "branch", "name": {"zh": "分支"}, "branches": [
                  {"id": "x", "name": {"zh": "甲"}, "default": true},
                  {"id": "y", "name": {"zh": "乙"}, "default": true}]}""")).isEmpty();
    }

    @Test
    void branchWithConditionAndDefaultIsRejected() {
        assertThat(validateNode("""
                {"id": "b", "type": "branch", "name": {"zh": "分支"}, "branches": [
                  {"id": "x", "name": {"zh": "甲"}, "default": true,
                   "condition": {"source": "riskScore", "op": "gt", "value": 1}},
                  {"id": "y", "name": {"zh": "乙"}, "condition": {"source": "riskScore", "op": "lt", "value": 1}}]}"""))
                .isNotEmpty();
    }

    @Test
    void formConditionWithoutFieldIsRejected() {
        assertThat(validateNode("""
                {"id": "b", "type": "branch", "name": {"zh": "分支"}, "branches": [
                  {"id": "x", "name": {"zh": "甲"}, "condition": {"source": "form", "op": "eq", "value": 1}},
                  {"id": "y", "name": {"zh": "乙"}, "default": true}]}""")).isNotEmpty();
    }

    @Test
    void malformedDurationIsRejected() {
        assertThat(validateNode("""
                {"id": "d", "type": "delay", "name": {"zh": "延时"}, "duration": "4 hours"}"""))
                .extracting(MetaSchemaViolation::path).contains("/nodes/0/duration");
        assertThat(validateNode("""
                {"id": "d", "type": "delay", "name": {"zh": "延时"}, "duration": "PT"}""")).isNotEmpty();
    }

    @Test
    void rejectRouteToNodeNeedsTheNode() {
        assertThat(validateNode("""
                {"id": "a", "type": "approver", "name": {"zh": "审批"}, "onReject": {"to": "node"},
                 "assignee": {"by": "role", "role": "R"}}""")).isNotEmpty();
    }

    @Test
    void escalationWithoutDelayIsRejected() {
        ObjectNode node = (ObjectNode) json.readTree("""
                {"id": "a", "type": "approver", "name": {"zh": "审批"}, "assignee": {"by": "role", "role": "R"},
                 "timeLimit": {"escalateTo": {"by": "role", "role": "BOSS"}}}""");
        assertThat(validateNode(node.toString())).isNotEmpty();
    }
}

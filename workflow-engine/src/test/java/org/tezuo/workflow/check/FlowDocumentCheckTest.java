package org.tezuo.workflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class FlowDocumentCheckTest {

    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    JsonMapper json;

    long tenant;

    @BeforeEach
    void setUpTenant() {
        tenant = tenants.create("t-" + UUID.randomUUID(), "校验企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    @Test
    void unknownGateActionIsNamedPerNode() {
        List<MetaSchemaViolation> problems = check("""
                {"name": {"zh": "门禁"}, "nodes": [
                  {"id": "pick", "type": "parallel", "name": {"zh": "并行"}, "branches": [
                    {"id": "a", "name": {"zh": "甲"}, "nodes": [
                      {"id": "check", "type": "gate", "name": {"zh": "资质校验"}, "action": "noSuchAction"}]},
                    {"id": "b", "name": {"zh": "乙"}, "nodes": [
                      {"id": "other", "type": "approver", "name": {"zh": "乙"}, "assignee": {"by": "user", "user": "u2"}}]}]}]}""",
                Locale.SIMPLIFIED_CHINESE);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().path()).isEqualTo("/nodes/0/branches/0/nodes/0");
        assertThat(problems.getFirst().message()).startsWith("流程 flow:gated@1 的校验节点“资质校验”（check）使用的动作"
                + "“noSuchAction”未在平台注册").contains("testGate");
    }

    @Test
    void routeIntoSiblingBranchIsRejected() {
        List<MetaSchemaViolation> problems = check("""
                {"name": {"zh": "并行"}, "nodes": [
                  {"id": "pick", "type": "parallel", "name": {"zh": "并行"}, "branches": [
                    {"id": "a", "name": {"zh": "甲"}, "nodes": [
                      {"id": "left", "type": "approver", "name": {"zh": "左"}, "assignee": {"by": "user", "user": "u1"}}]},
                    {"id": "b", "name": {"zh": "乙"}, "nodes": [
                      {"id": "right", "type": "approver", "name": {"zh": "右"}, "assignee": {"by": "user", "user": "u2"},
                       "onReject": {"to": "node", "node": "left"}}]}]}]}""", Locale.ENGLISH);

        assertThat(problems).extracting(MetaSchemaViolation::message).containsExactly("Flow flow:gated@1: node"
                + " \"right\" routes back to \"left\", which is not an approver that every path passes before that"
                + " node; choose an earlier approver of the same chain or of an enclosing chain, not one inside"
                + " another branch");
    }

    @Test
    void validChainHasNoProblems() {
        List<MetaSchemaViolation> problems = check("""
                {"name": {"zh": "门禁"}, "nodes": [
                  {"id": "first", "type": "approver", "name": {"zh": "一"}, "assignee": {"by": "user", "user": "u1"}},
                  {"id": "pick", "type": "parallel", "name": {"zh": "并行"}, "branches": [
                    {"id": "a", "name": {"zh": "甲"}, "nodes": [
                      {"id": "check", "type": "gate", "name": {"zh": "资质校验"}, "action": "testGate",
                       "onFail": {"to": "node", "node": "first"}}]},
                    {"id": "b", "name": {"zh": "乙"}, "nodes": [
                      {"id": "second", "type": "approver", "name": {"zh": "二"},
                       "assignee": {"by": "user", "user": "u2"}, "onReject": {"to": "node", "node": "first"}}]}]}]}""",
                Locale.SIMPLIFIED_CHINESE);

        assertThat(problems).isEmpty();
    }

    private List<MetaSchemaViolation> check(String body, Locale locale) {
        return metadata.validate(metadata.candidate(tenant, MetadataKind.FLOW, "gated", json.readTree(body), "admin"),
                locale);
    }
}

package org.tezuo.app.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FlowProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void problemPathMapsToInnermostNode() throws IOException {
        JsonNode body = JSON.readTree(Files.readString(FlowCommandTest.FULL_CHAIN));

        assertThat(FlowProblems.ownerOf(body, "/nodes/3/branches/0/nodes/0/assignee")).isEqualTo("experts");
        assertThat(FlowProblems.ownerOf(body, "/nodes/3/branches/1")).isEqualTo("ordinary");
        assertThat(FlowProblems.ownerOf(body, "/nodes/2/timeLimit/escalateTo")).isEqualTo("unitHead");
        assertThat(FlowProblems.ownerOf(body, "/name/zh")).isEmpty();
        assertThat(FlowProblems.ownerOf(body, "")).isEmpty();
    }

    @Test
    void compiledTypesDetected() throws IOException {
        JsonNode full = JSON.readTree(Files.readString(FlowCommandTest.FULL_CHAIN));
        JsonNode approvers = JSON.readTree("""
                {"name": {"zh": "审批"}, "nodes": [{"id": "a", "type": "approver", "name": {"zh": "甲"},
                 "assignee": {"by": "role", "role": "UNIT_HEAD"}}]}""");

        assertThat(FlowProblems.usesCompiledTypesOnly(full)).isFalse();
        assertThat(FlowProblems.usesCompiledTypesOnly(approvers)).isTrue();
    }
}

package org.tezuo.workflow.bpmnimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import tools.jackson.databind.JsonNode;

@SpringBootTest
class BpmnImporterTest {

    @Autowired
    BpmnImporter importer;
    @Autowired
    MetadataStore metadata;
    @Autowired
    TenantDirectory tenants;

    @Test
    void bpmnIoSequenceBecomesApprovers() throws IOException {
        ImportResult result = importer.convert("hot-work", read("bpmnio-sequence.bpmn"));

        assertThat(result.problems()).isEmpty();
        JsonNode nodes = result.document().get("nodes");
        assertThat(result.document().at("/name/zh").asString()).isEqualTo("动火作业审批");
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(0).at("/assignee/by").asString()).isEqualTo("user");
        assertThat(nodes.get(0).at("/assignee/user").asString()).isEqualTo("lisi");
        assertThat(nodes.get(0).at("/timeLimit/remindAfter").asString()).isEqualTo("PT2H");
        assertThat(nodes.get(1).at("/mode").asString()).isEqualTo("all");
        assertThat(nodes.get(1).at("/assignee/role").asString()).isEqualTo("SAFETY_ENGINEER");
    }

    @Test
    void camundaBranchesAndParallelConvert() throws IOException {
        ImportResult result = importer.convert("confined-space", read("camunda-branches.bpmn"));

        assertThat(result.problems()).isEmpty();
        JsonNode nodes = result.document().get("nodes");
        assertThat(nodes).extracting(node -> node.get("type").asString())
                .containsExactly("branch", "delay", "parallel");
        JsonNode high = nodes.get(0).at("/branches/0");
        assertThat(high.at("/condition/any/0/all/0/source").asString()).isEqualTo("riskScore");
        assertThat(high.at("/condition/any/0/all/0/op").asString()).isEqualTo("gte");
        assertThat(high.at("/condition/any/0/all/1/field").asString()).isEqualTo("area");
        assertThat(high.at("/condition/any/1/source").asString()).isEqualTo("permitGrade");
        assertThat(high.at("/nodes/0/assignee/roles")).hasSize(2);
        assertThat(nodes.get(0).at("/branches/1/default").asBoolean()).isTrue();
        assertThat(nodes.get(0).at("/branches/1/nodes")).isEmpty();
        assertThat(nodes.get(1).get("duration").asString()).isEqualTo("PT30M");
        assertThat(nodes.get(2).at("/branches/1/nodes/0/assignee/users")).hasSize(2);
        new ChainCompiler().compile(new FlowDefinitionParser().parse("confined-space", 1, "x", result.document()));
    }

    @Test
    void flowableGateBecomesDraft() throws IOException {
        long tenant = tenants.create("t-" + UUID.randomUUID(), "导入企业", null, ZoneId.of("Asia/Shanghai")).id();

        ImportResult result = importer.importDraft(tenant, "gated", read("flowable-gate.bpmn20.xml"), "admin");

        assertThat(result.problems()).isEmpty();
        assertThat(result.document().at("/nodes/0/type").asString()).isEqualTo("gate");
        assertThat(result.document().at("/nodes/0/action").asString()).isEqualTo("testGate");
        assertThat(metadata.find(tenant, MetadataKind.FLOW, "gated", 1).orElseThrow().status())
                .isEqualTo(DocumentStatus.DRAFT);
    }

    @Test
    void scriptAndCallActivityAreListed() throws IOException {
        ImportResult result = importer.convert("bad", read("bad-script.bpmn"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::elementId, ImportProblem::elementType)
                .contains(org.assertj.core.groups.Tuple.tuple("Activity_script", "scriptTask"),
                        org.assertj.core.groups.Tuple.tuple("Activity_call", "callActivity"));
        assertThat(result.problems().getFirst().message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("元素 Activity_script（scriptTask）不受支持；审批链只支持用户任务、平台动作服务任务、排他网关、并行网关和定时事件");
    }

    @Test
    void classDelegateIsRefused() throws IOException {
        ImportResult result = importer.convert("bad", read("bad-class-delegate.bpmn"));

        assertThat(result.problems()).extracting(ImportProblem::messageKey).containsExactly("import.classDelegate");
        assertThat(result.problems().getFirst().message(Locale.ENGLISH)).isEqualTo("Element Activity_java"
                + " (serviceTask) calls the Java class com.example.DeleteEverything, which the platform does not"
                + " allow; service tasks may only call tezuoFlowAction");
    }

    @Test
    void arbitraryExpressionsAreRefused() throws IOException {
        ImportResult result = importer.convert("bad", read("bad-expression.bpmn20.xml"));

        assertThat(result.problems()).extracting(ImportProblem::elementId, ImportProblem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("callBean", "import.expressionAttribute"),
                        org.assertj.core.groups.Tuple.tuple("approve", "import.listener"),
                        org.assertj.core.groups.Tuple.tuple("otherDelegate", "import.delegateExpression"));
        assertThat(result.problems()).filteredOn(p -> p.elementId().equals("otherDelegate")).first()
                .extracting(p -> p.message(Locale.SIMPLIFIED_CHINESE)).asString()
                .contains("${tezuoFlowAction}");
    }

    @Test
    void doctypeIsRefused() throws IOException {
        ImportResult result = importer.convert("bad", read("bad-doctype.bpmn"));

        assertThat(result.problems()).extracting(ImportProblem::messageKey).containsExactly("import.doctype");
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = BpmnImporterTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}

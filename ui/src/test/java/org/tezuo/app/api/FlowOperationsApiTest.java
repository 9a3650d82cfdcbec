package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** BPMN import and instance migration over real HTTP with HTTP Basic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlowOperationsApiTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final String SEQUENCE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="Process_1" name="动火作业审批𠀀" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="Activity_leader" name="作业负责人" camunda:assignee="lisi" />
                <bpmn:userTask id="Activity_safety" name="安全管理部门" camunda:candidateGroups="SAFETY_ENGINEER" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="s1" sourceRef="start" targetRef="Activity_leader" />
                <bpmn:sequenceFlow id="s2" sourceRef="Activity_leader" targetRef="Activity_safety" />
                <bpmn:sequenceFlow id="s3" sourceRef="Activity_safety" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore store;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private long tenantId;
    private String admin;
    private String worker;

    @BeforeEach
    void tenantWithAdmin() {
        tenantId = tenants.create("flows-" + UUID.randomUUID(), "流程导入测试企业", null,
                ZoneId.of("Asia/Shanghai")).id();
        admin = accounts.create(tenantId, "admin-" + UUID.randomUUID(), PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"),
                null, null).username();
        worker = accounts.create(tenantId, "worker-" + UUID.randomUUID(), PASSWORD, "作业人员", Set.of("WORKER"),
                null, null).username();
    }

    @Test
    void importedSequenceBecomesDraft() throws Exception {
        HttpResponse<String> response = postXml(admin, "/api/flows/imported-hot-work/import", SEQUENCE);

        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body.path("saved").asBoolean()).isTrue();
        assertThat(store.find(tenantId, MetadataKind.FLOW, "imported-hot-work", 1).orElseThrow().status())
                .isEqualTo(DocumentStatus.DRAFT);
    }

    @Test
    void scriptTaskIsListedAndNothingSaved() throws Exception {
        String scripted = SEQUENCE.replace("""
                <bpmn:endEvent id="end" />""", """
                <bpmn:scriptTask id="Activity_script" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
                <bpmn:endEvent id="end" />""");

        HttpResponse<String> response = postXml(admin, "/api/flows/scripted/import", scripted);

        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body.path("saved").asBoolean()).isFalse();
        assertThat(body.path("problems").get(0).path("elementId").asString()).isEqualTo("Activity_script");
        assertThat(body.path("problems").get(0).path("message").asString()).contains("Activity_script");
        assertThat(store.find(tenantId, MetadataKind.FLOW, "scripted", 1)).isEmpty();
    }

    @Test
    void unknownInstanceCannotMigrate() throws Exception {
        HttpResponse<String> response = send(admin, HttpRequest.newBuilder(
                uri("/api/flows/instances/no-such-instance/migration?version=2")).GET());

        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body.path("message").asString())
                .isEqualTo("未找到审批“no-such-instance”；请确认编号是否正确，或该数据是否属于您的企业");
    }

    @Test
    void workerCannotImport() throws Exception {
        assertThat(postXml(worker, "/api/flows/other/import", SEQUENCE).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> postXml(String user, String path, String xml) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

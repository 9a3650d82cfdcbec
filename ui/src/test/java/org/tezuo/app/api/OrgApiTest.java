package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The /api/org endpoints over real HTTP with HTTP Basic, against real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgApiTest {

    private static final String PASSWORD = "Anquan-2026";

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgDirectory directory;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private long tenantId;
    private long maintenance;
    private long electrical;
    private String admin;
    private String worker;

    @BeforeEach
    void installTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("api-org-" + suffix, "接口测试企业",
                "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        tenantId = installation.tenant().id();
        maintenance = installation.orgUnitIds().get("MAINT");
        electrical = installation.orgUnitIds().get("EI");
        admin = "admin-" + suffix;
        worker = "worker-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"),
                installation.orgUnitIds().get("HQ"), null);
        accounts.create(tenantId, worker, PASSWORD, "李强", Set.of("WORKER"), maintenance, null);
    }

    @Test
    void treeNestsUnitsAndPeople() throws Exception {
        HttpResponse<String> response = send(admin, "GET", "/api/org", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode roots = json.readTree(response.body());
        assertThat(roots.size()).isEqualTo(1);
        assertThat(roots.get(0).path("code").asString()).isEqualTo("HQ");
        assertThat(roots.get(0).path("people").get(0).path("username").asString()).isEqualTo(admin);
        JsonNode terminal = child(roots.get(0), "TERMINAL");
        JsonNode maintenanceNode = child(terminal, "MAINT");
        assertThat(maintenanceNode.path("kind").asString()).isEqualTo("workshop");
        assertThat(maintenanceNode.path("people").get(0).path("roles").get(0).asString()).isEqualTo("WORKER");
    }

    @Test
    void unitLifecycleThroughApi() throws Exception {
        HttpResponse<String> created = send(admin, "POST", "/api/org/units",
                "{\"parentId\":" + maintenance + ",\"code\":\"MAINT-T1\",\"name\":\"维修一班\",\"kind\":\"team\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long team = json.readTree(created.body()).path("id").asLong();

        HttpResponse<String> changed = send(admin, "PATCH", "/api/org/units/" + team,
                "{\"name\":\"电仪一班\",\"parentId\":" + electrical + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).path("parentId").asLong()).isEqualTo(electrical);

        HttpResponse<String> placed = send(admin, "PUT", "/api/org/persons/" + worker + "/unit",
                "{\"orgUnitId\":" + team + "}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        HttpResponse<String> roles = send(admin, "PUT", "/api/org/persons/" + worker + "/roles",
                "{\"roles\":[\"WORKER\",\"TEAM_LEADER\"]}");
        assertThat(roles.statusCode()).as(roles.body()).isEqualTo(200);
        assertThat(json.readTree(roles.body()).path("roles").toString()).isEqualTo("[\"TEAM_LEADER\",\"WORKER\"]");

        HttpResponse<String> blocked = send(admin, "DELETE", "/api/org/units/" + team, null);
        assertThat(blocked.statusCode()).isEqualTo(422);
        assertThat(json.readTree(blocked.body()).path("code").asString()).isEqualTo("org.design.unitNotEmpty");
        assertThat(json.readTree(blocked.body()).path("message").asString())
                .startsWith("不能删除“电仪一班”（MAINT-T1）：其下还有 0 个下级单元、1 个用户账号");

        OrgDirectory.TenantUser moved = directory.user(tenantId, worker).orElseThrow();
        assertThat(moved.orgUnitId()).isEqualTo(team);
        assertThat(moved.roles()).containsExactlyInAnyOrder("WORKER", "TEAM_LEADER");
        assertThat(audit.forSubject(tenantId, "org_unit", "MAINT-T1")).hasSize(3);
    }

    @Test
    void rejectedChangeLeavesNothingHalfSaved() throws Exception {
        HttpResponse<String> response = send(admin, "PATCH", "/api/org/units/" + maintenance,
                "{\"name\":\"维修中心\",\"parentId\":" + directory.orgUnitByCode(tenantId, "STORAGE").orElseThrow().id()
                        + "}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("org.design.kindNotAllowed");
        assertThat(directory.orgUnit(tenantId, maintenance).orElseThrow().name()).isEqualTo("维修车间");
    }

    @Test
    void invalidRequestsAreReported() throws Exception {
        HttpResponse<String> kind = send(admin, "POST", "/api/org/units",
                "{\"parentId\":" + maintenance + ",\"code\":\"X1\",\"name\":\"某班\",\"kind\":\"squad\"}");
        HttpResponse<String> missing = send(admin, "DELETE", "/api/org/units/999999999", null);
        HttpResponse<String> noRoles = send(admin, "PUT", "/api/org/persons/" + worker + "/roles", "{}");

        assertThat(kind.statusCode()).isEqualTo(422);
        assertThat(json.readTree(kind.body()).path("message").asString()).startsWith("单元类型“squad”无效");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).path("message").asString()).startsWith("未找到组织单元“999999999”");
        assertThat(noRoles.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noRoles.body()).path("code").asString()).isEqualTo("org.design.rolesEmpty");
    }

    @Test
    void nonAdminIsForbidden() throws Exception {
        HttpResponse<String> response = send(worker, "GET", "/api/org", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("api.forbidden");
    }

    private static JsonNode child(JsonNode node, String code) {
        for (JsonNode child : node.path("children")) {
            if (child.path("code").asString().equals(code)) {
                return child;
            }
        }
        throw new AssertionError("No child " + code + " under " + node.path("code").asString());
    }

    private HttpResponse<String> send(String username, String method, String path, String body)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

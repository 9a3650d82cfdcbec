package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The policy-pack endpoints over HTTP on PostgreSQL, in a tenant installed from the LNG template. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyPackApiTest {

    private static final String PASSWORD = "Pack@2026-secret";

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    MetadataStore metadata;

    private String suffix;
    private long tenantId;

    @BeforeEach
    void installTenant() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = installer.createTenant("pack-" + suffix, "政策包测试化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        accounts.create(tenantId, "director-" + suffix, PASSWORD, "安全总监", Set.of("SAFETY_DIRECTOR"), null, null);
        accounts.create(tenantId, "worker-" + suffix, PASSWORD, "作业人员", Set.of("WORKER"), null, null);
    }

    private int windStopLevel() {
        return metadata.requirePublished(tenantId, MetadataKind.RULESET, "hot-work").body().path("thresholds")
                .path("windStopBeaufortLevel").path("value").asInt();
    }

    @Test
    @DisplayName("A safety director previews, applies and rolls back the shipped GB 30871-2022 pack")
    void directorAppliesAndRollsBackShippedPack() throws Exception {
        ObjectNode edited = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.RULESET, "hot-work").body()
                .deepCopy();
        ((ObjectNode) edited.path("thresholds").path("windStopBeaufortLevel")).put("value", 6);
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, "hot-work", edited, "engineer");

        HttpResponse<String> preview = send("director", "POST", "/api/policy-packs/bundled/gb30871-2022/preview",
                null);

        assertThat(preview.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(preview.body());
        assertThat(view.path("applicable").asBoolean()).isTrue();
        assertThat(view.path("documents").valueStream().map(doc -> doc.path("key").asString() + "="
                + doc.path("status").asString())).contains("hot-work=CHANGED", "lifting=UNCHANGED");

        HttpResponse<String> applied = send("director", "POST", "/api/policy-packs/bundled/gb30871-2022/apply", null);

        assertThat(applied.statusCode()).isEqualTo(200);
        JsonNode pack = json.readTree(applied.body());
        assertThat(pack.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(windStopLevel()).isEqualTo(5);

        HttpResponse<String> rolledBack = send("director", "POST",
                "/api/policy-packs/" + pack.path("id").asLong() + "/rollback", null);
        HttpResponse<String> list = send("director", "GET", "/api/policy-packs", null);

        assertThat(rolledBack.statusCode()).isEqualTo(200);
        assertThat(windStopLevel()).isEqualTo(6);
        assertThat(json.readTree(list.body()).get(0).path("status").asString()).isEqualTo("ROLLED_BACK");
    }

    @Test
    @DisplayName("The 13号令 pack previews the next confined-space form, flow and ruleset of a template tenant and lists its unconfirmed values")
    void confinedSpacePackPreview() throws Exception {
        HttpResponse<String> preview = send("director", "POST",
                "/api/policy-packs/bundled/mem-13-confined-space/preview", null);

        assertThat(preview.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(preview.body());
        assertThat(view.path("problems").valueStream().map(problem -> problem.path("message").asString()))
                .isEmpty();
        assertThat(view.path("applicable").asBoolean()).isTrue();
        assertThat(view.path("documents").valueStream().map(doc -> doc.path("kind").asString() + ":"
                + doc.path("key").asString() + "=" + doc.path("status").asString())).containsExactly(
                        "ruleset:confined-space=CHANGED", "form:confined-space-permit=CHANGED",
                        "flow:confined-space-approval=CHANGED");
        assertThat(view.path("unconfirmed").valueStream().map(value -> value.path("where").asString()))
                .contains("flow-gate-change:poisoning-risk-approval");
    }

    @Test
    @DisplayName("An unsigned upload is refused with the reason in Chinese")
    void unsignedUploadIsRefused() throws Exception {
        ObjectNode unsigned;
        try (InputStream in = getClass().getResourceAsStream("/org/tezuo/packs/gb30871-2022/pack.json")) {
            unsigned = (ObjectNode) json.readTree(in);
        }
        unsigned.remove("signature");

        HttpResponse<String> response = send("director", "POST", "/api/policy-packs/apply",
                json.writeValueAsBytes(unsigned));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).path("details").get(0).path("message").asString())
                .isEqualTo("政策包 gb30871-2022@2022.1 没有签名；请用受信任的密钥签名后再上传");
    }

    @Test
    @DisplayName("A worker may not apply packs")
    void workerIsForbidden() throws Exception {
        HttpResponse<String> response = send("worker", "POST", "/api/policy-packs/bundled/gb30871-2022/apply", null);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String user, String method, String path, byte[] body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + "-" + suffix + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }
}

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

/** The standards endpoints over HTTP on PostgreSQL, in two tenants installed from the LNG template. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandardsApiTest {

    private static final String PASSWORD = "Standards@2026-secret";
    private static final String FLAMMABLE = "/api/standards/hot-work/flammableLimitHighLelPercentVol";
    private static final String TIGHTER = """
            {"value": "0.3", "unit": "%vol", "reason": "LNG 接收站工艺从严", "source": "企业标准 Q/LNG 3.2"}""";

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String suffix;
    private long tenantId;

    @BeforeEach
    void installTenants() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = tenant("a");
        accounts.create(tenantId, "director-a-" + suffix, PASSWORD, "安全总监", Set.of("SAFETY_DIRECTOR"), null, null);
        accounts.create(tenantId, "worker-a-" + suffix, PASSWORD, "作业人员", Set.of("WORKER"), null, null);
        long otherTenant = tenant("b");
        accounts.create(otherTenant, "director-b-" + suffix, PASSWORD, "安全总监", Set.of("SAFETY_DIRECTOR"), null,
                null);
    }

    private long tenant(String name) {
        return installer.createTenant("standards-" + name + "-" + suffix, "标准配置测试化工" + name, "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
    }

    @Test
    @DisplayName("The tree goes from the LNG industry to hot work to its thresholds with their clauses")
    void treeListsIndustryScenarioAndItems() throws Exception {
        HttpResponse<String> response = send("director-a", "GET", "/api/standards", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tree = json.readTree(response.body());
        assertThat(tree.path("name").path("zh").asString()).isEqualTo("液化天然气（LNG）接收站");
        JsonNode hotWork = tree.path("scenarios").valueStream()
                .filter(scenario -> scenario.path("rulesetKey").asString().equals("hot-work")).findFirst()
                .orElseThrow();
        assertThat(hotWork.path("scenarioLabel").path("zh").asString()).isEqualTo("动火作业");
        JsonNode item = hotWork.path("items").valueStream()
                .filter(threshold -> threshold.path("key").asString().equals("flammableLimitHighLelPercentVol"))
                .findFirst().orElseThrow();
        assertThat(item.path("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(item.path("unit").asString()).isEqualTo("%vol");
        assertThat(item.path("clause").asString()).isEqualTo("GB 30871-2022 5.3.2");
        assertThat(item.path("mandatory").asBoolean()).isTrue();
        assertThat(item.path("physicalRange").path("max").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    @DisplayName("A tighter override is stored, shown with its origin and history, and stays in its tenant")
    void overrideIsStoredAndIsolated() throws Exception {
        HttpResponse<String> saved = send("director-a", "PUT", FLAMMABLE, TIGHTER);
        HttpResponse<String> detail = send("director-a", "GET", FLAMMABLE, null);
        HttpResponse<String> otherTenant = send("director-b", "GET", FLAMMABLE, null);

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).path("change").asString()).isEqualTo("STRICTER");
        JsonNode read = json.readTree(detail.body());
        assertThat(read.path("item").path("value").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(read.path("item").path("originText").asString()).isEqualTo("企业覆盖（依据 企业标准 Q/LNG 3.2，"
                + "理由：LNG 接收站工艺从严；替换 GB 30871-2022 5.3.2 规定的 0.5）");
        assertThat(read.path("history").size()).isEqualTo(1);
        assertThat(read.path("usages").valueStream().map(usage -> usage.path("id").asString()))
                .contains("hot-work.gas.flammable-over-limit", "hot-work.gas.flammable-within-limit");
        assertThat(json.readTree(otherTenant.body()).path("item").path("value").decimalValue())
                .isEqualByComparingTo("0.5");
        assertThat(json.readTree(otherTenant.body()).path("history").size()).isZero();
    }

    @Test
    @DisplayName("Loosening a GB limit is rejected with the reason in Chinese")
    void looseningRegulationIsRejected() throws Exception {
        HttpResponse<String> response = send("director-a", "PUT", FLAMMABLE, """
                {"value": "0.8", "reason": "试一试", "source": "企业标准 Q/LNG 3.2", "confirmLoosening": true}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).path("details").get(0).path("message").asString())
                .isEqualTo("值 0.8 %vol 比“爆炸下限≥4%时的可燃气体合格值”的法规值 0.5 %vol（GB 30871-2022 5.3.2）宽松；"
                        + "企业只能收紧强制性标准的限值，不能放宽");
    }

    @Test
    @DisplayName("Deleting an override restores the ruleset value")
    void deleteRestoresRulesetValue() throws Exception {
        send("director-a", "PUT", FLAMMABLE, TIGHTER);

        HttpResponse<String> removed = send("director-a", "DELETE", FLAMMABLE + "?reason=%E5%BA%9F%E6%AD%A2", null);
        JsonNode read = json.readTree(send("director-a", "GET", FLAMMABLE, null).body());

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(read.path("item").path("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(read.path("history").size()).isEqualTo(2);
    }

    @Test
    @DisplayName("A ruleset published only in another tenant answers 404")
    void otherTenantsRulesetIsNotFound() throws Exception {
        JsonNode ruleset = metadata.requirePublished(tenantId, MetadataKind.RULESET, "hot-work").body();
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, "tenant-only", ruleset, "test");

        HttpResponse<String> own = send("director-a", "GET", "/api/standards/tenant-only/windStopBeaufortLevel", null);
        HttpResponse<String> other = send("director-b", "GET", "/api/standards/tenant-only/windStopBeaufortLevel",
                null);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(json.readTree(other.body()).path("message").asString())
                .isEqualTo("本企业已发布的规则集中没有阈值 tenant-only/windStopBeaufortLevel；请在标准配置中心的目录中选择一个阈值");
    }

    @Test
    @DisplayName("A worker may not override thresholds")
    void workerIsForbidden() throws Exception {
        HttpResponse<String> response = send("worker-a", "PUT", FLAMMABLE, TIGHTER);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + "-" + suffix + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.schedule.ScheduleDefinition;
import org.tezuo.core.schedule.ScheduleRegistrar;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The diff, rollback and bundle endpoints over HTTP on PostgreSQL: status codes, and messages in Chinese by default
 * and in English on request. Each test installs the LNG template in a test tenant and a production tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetadataPromotionApiTest {

    private static final String PASSWORD = "Meta@2026-secret";
    private static final String FORM = "hot-work-permit";

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    ScheduleRegistrar schedules;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private long testTenant;
    private long productionTenant;
    private String suffix;

    @BeforeEach
    void installTenants() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        testTenant = install("test");
        productionTenant = install("prod");
    }

    private long install(String name) {
        long tenantId = installer.createTenant(name + "-" + suffix, "元数据测试化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        accounts.create(tenantId, name + "-admin-" + suffix, PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"), null, null);
        accounts.create(tenantId, name + "-engineer-" + suffix, PASSWORD, "陈工", Set.of("SAFETY_ENGINEER"), null,
                null);
        return tenantId;
    }

    /** Publishes a second form version in the test tenant whose location label differs. */
    private void relabelLocation() {
        ObjectNode form = (ObjectNode) metadata.requirePublished(testTenant, MetadataKind.FORM, FORM).body()
                .deepCopy();
        ((ObjectNode) form.path("schema").path("properties").path("location").path("x-label"))
                .put("zh", "动火部位").put("en", "Hot-work part");
        metadata.saveAndPublish(testTenant, MetadataKind.FORM, FORM, form, "dev");
    }

    @Test
    void diffDescribesChangesInCallersLanguage() throws Exception {
        relabelLocation();

        HttpResponse<String> chinese = send("test-admin", "GET", "/api/metadata/form/" + FORM + "/diff?from=1&to=2",
                null, null);
        HttpResponse<String> english = send("test-engineer", "GET", "/api/metadata/form/" + FORM + "/diff?from=1",
                null, "en");

        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(json.readTree(chinese.body()).path("changes").get(0).path("description").asString())
                .isEqualTo("字段“动火部位”（location）的标签由“动火地点及动火部位”改为“动火部位”");
        assertThat(english.statusCode()).isEqualTo(200);
        JsonNode englishDiff = json.readTree(english.body());
        assertThat(englishDiff.path("to").asInt()).isEqualTo(2);
        assertThat(englishDiff.path("changes").get(0).path("description").asString())
                .isEqualTo("Label of field \"Hot-work part\" (location) changed from \"Hot-work location and part\" "
                        + "to \"Hot-work part\"");
    }

    @Test
    void diffOfMissingVersionIsNotFound() throws Exception {
        HttpResponse<String> version = send("test-admin", "GET", "/api/metadata/form/" + FORM + "/diff?from=1&to=9",
                null, null);
        HttpResponse<String> kind = send("test-admin", "GET", "/api/metadata/report/x/diff?from=1", null, "en");

        assertThat(version.statusCode()).isEqualTo(404);
        assertThat(json.readTree(version.body()).path("message").asString())
                .isEqualTo("元数据 form:hot-work-permit 没有版本 9；现有版本为 1 至 1，请从版本列表中选择");
        assertThat(kind.statusCode()).isEqualTo(404);
        assertThat(json.readTree(kind.body()).path("code").asString()).isEqualTo("metadata.unknownKind");
    }

    @Test
    void diffOfTwoBodiesSavesNothing() throws Exception {
        ObjectNode request = json.createObjectNode();
        request.set("before", json.readTree("{\"job\": \"certificate-verification\", \"cron\": \"0 0 2 * * *\"}"));
        request.set("after", json.readTree("{\"job\": \"certificate-verification\", \"cron\": \"0 0 3 * * *\"}"));

        HttpResponse<String> response = send("test-admin", "POST", "/api/metadata/schedule/diff",
                json.writeValueAsBytes(request), "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("changes").get(0).path("description").asString())
                .isEqualTo("/cron changed from 0 0 2 * * * to 0 0 3 * * *");
    }

    @Test
    void rollbackPublishesNewVersionForAdminsOnly() throws Exception {
        relabelLocation();

        HttpResponse<String> engineer = send("test-engineer", "POST", "/api/metadata/form/" + FORM + "/rollback?to=1",
                null, null);
        HttpResponse<String> admin = send("test-admin", "POST", "/api/metadata/form/" + FORM + "/rollback?to=1",
                null, null);
        HttpResponse<String> again = send("test-admin", "POST", "/api/metadata/form/" + FORM + "/rollback?to=3",
                null, "en");
        HttpResponse<String> missing = send("test-admin", "POST", "/api/metadata/form/" + FORM + "/rollback?to=8",
                null, null);

        assertThat(engineer.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        JsonNode published = json.readTree(admin.body());
        assertThat(published.path("version").asInt()).isEqualTo(3);
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("body")).isEqualTo(metadata.find(testTenant, MetadataKind.FORM, FORM, 1)
                .orElseThrow().body());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).path("message").asString()).isEqualTo("Version 3 of metadata "
                + "form:hot-work-permit is already the newest published version; pick an earlier version to roll "
                + "back to");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void rollbackWithOpenDraftIsConflict() throws Exception {
        relabelLocation();
        metadata.saveDraft(testTenant, MetadataKind.FORM, FORM,
                metadata.requirePublished(testTenant, MetadataKind.FORM, FORM).body(), "dev");

        HttpResponse<String> response = send("test-admin", "POST", "/api/metadata/form/" + FORM + "/rollback?to=1",
                null, null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json.readTree(response.body()).path("message").asString()).isEqualTo(
                "元数据 form:hot-work-permit 有未发布的草稿（版本 3），不能回滚到版本 1；请先发布该草稿，再回滚");
    }

    @Test
    void bundleMovesChangedFormAndScheduleToProduction() throws Exception {
        relabelLocation();
        ObjectNode schedule = (ObjectNode) metadata.requirePublished(testTenant, MetadataKind.SCHEDULE,
                "nightly-verification").body().deepCopy();
        schedule.put("cron", "0 30 1 * * *");
        metadata.saveAndPublish(testTenant, MetadataKind.SCHEDULE, "nightly-verification", schedule, "dev");

        for (String format : List.of("zip", "json")) {
            HttpResponse<byte[]> export = download("test-admin", "/api/metadata/bundle?format=" + format);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("tezuo-metadata-test-" + suffix).endsWith("." + format + "\"");

            JsonNode preview = json.readTree(send("prod-admin", "POST", "/api/metadata/bundle/preview",
                    export.body(), null).body());
            assertThat(preview.path("applicable").asBoolean()).isTrue();
            JsonNode form = document(preview, "form", FORM);
            if (format.equals("zip")) {
                assertThat(form.path("status").asString()).isEqualTo("CHANGED");
                assertThat(form.path("changes").get(0).path("description").asString())
                        .isEqualTo("字段“动火部位”（location）的标签由“动火地点及动火部位”改为“动火部位”");
                assertThat(document(preview, "schedule", "nightly-verification").path("status").asString())
                        .isEqualTo("CHANGED");
                assertThat(preview.path("counts").path("UNCHANGED").asInt())
                        .isEqualTo(preview.path("documents").size() - 2);

                HttpResponse<String> apply = send("prod-admin", "POST", "/api/metadata/bundle/apply", export.body(),
                        null);
                assertThat(apply.statusCode()).isEqualTo(200);
                assertThat(json.readTree(apply.body()).path("published").toString())
                        .contains("form:hot-work-permit@2", "schedule:nightly-verification@2");
            } else {
                assertThat(preview.path("counts").path("UNCHANGED").asInt())
                        .isEqualTo(preview.path("documents").size());
            }
        }
        assertThat(schedules.registered(productionTenant)).extracting(ScheduleDefinition::cron)
                .containsExactly("0 30 1 * * *");
    }

    @Test
    void exportedConnectorsNameEnvironmentVariablesOnly() throws Exception {
        HttpResponse<byte[]> export = download("test-admin", "/api/metadata/bundle?select=connector:weather,"
                + "connector:certificate-registry,connector:door-access");

        JsonNode bundle = json.readTree(export.body());
        List<String> credentialMembers = new ArrayList<>();
        for (JsonNode document : bundle.path("documents")) {
            assertThat(document.path("kind").asString()).isEqualTo("connector");
            assertThat(document.path("body").path("baseUrl").asString()).doesNotContain("@").doesNotContain("?");
            document.path("body").path("credentials").propertyNames().forEach(credentialMembers::add);
        }
        assertThat(bundle.path("documents")).hasSize(3);
        assertThat(credentialMembers).isNotEmpty().allSatisfy(member -> assertThat(member).endsWith("Env"));
    }

    @Test
    void tamperedBundleIsRejectedWithDetails() throws Exception {
        ObjectNode bundle = (ObjectNode) json.readTree(download("test-admin", "/api/metadata/bundle").body());
        int scheduleIndex = indexOf(bundle, "schedule", "nightly-verification");
        ((ObjectNode) bundle.path("documents").get(scheduleIndex).path("body")).put("cron", "0 0 4 * * *");

        HttpResponse<String> apply = send("prod-admin", "POST", "/api/metadata/bundle/apply",
                json.writeValueAsBytes(bundle), "en");

        assertThat(apply.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(apply.body());
        assertThat(error.path("message").asString())
                .isEqualTo("The bundle has 1 problems and nothing was imported; preview it and fix each problem");
        assertThat(error.path("details").get(0).path("path").asString())
                .isEqualTo("/documents/" + scheduleIndex + "/checksum");
        assertThat(metadata.requirePublished(productionTenant, MetadataKind.SCHEDULE, "nightly-verification")
                .version()).isEqualTo(1);
    }

    @Test
    void bundleEndpointsRejectBadRequests() throws Exception {
        HttpResponse<String> engineer = send("prod-engineer", "POST", "/api/metadata/bundle/preview",
                "{}".getBytes(StandardCharsets.UTF_8), null);
        HttpResponse<String> badFormat = send("test-admin", "GET", "/api/metadata/bundle?format=xml", null, null);
        HttpResponse<String> oversized = http.send(request("prod-admin", "/api/metadata/bundle/preview", null)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[16 * 1024 * 1024 + 1]))).build(),
                HttpResponse.BodyHandlers.ofString());
        String declaredTooLarge = rawPost("prod-admin", "/api/metadata/bundle/apply", 1L << 31);

        assertThat(engineer.statusCode()).isEqualTo(403);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badFormat.body()).path("message").asString())
                .isEqualTo("参数“format”的值“xml”无效；请按接口文档填写");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(json.readTree(oversized.body()).path("message").asString())
                .isEqualTo("上传的文件有 16,777,217 字节，超过上限 16,777,216 字节；请只导出需要的文档后再导入");
        assertThat(declaredTooLarge).startsWith("HTTP/1.1 413");
    }

    /**
     * Sends only the head of a POST that declares {@code contentLength} bytes and returns the response head, so
     * that the server must respond from the declared length alone.
     */
    private String rawPost(String user, String path, long contentLength) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + "-" + suffix + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                    + credentials + "\r\nContent-Type: application/zip\r\nContent-Length: " + contentLength
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    private static int indexOf(JsonNode bundle, String kind, String key) {
        JsonNode documents = bundle.path("documents");
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).path("kind").asString().equals(kind)
                    && documents.get(i).path("key").asString().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("No " + kind + ":" + key + " in " + bundle);
    }

    private static JsonNode document(JsonNode preview, String kind, String key) {
        for (JsonNode document : preview.path("documents")) {
            if (document.path("kind").asString().equals(kind) && document.path("key").asString().equals(key)) {
                return document;
            }
        }
        throw new AssertionError("No " + kind + ":" + key + " in " + preview);
    }

    private HttpRequest.Builder request(String user, String path, String language) {
        String credentials = Base64.getEncoder().encodeToString((user + "-" + suffix + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials);
        return language == null ? builder : builder.header("Accept-Language", language);
    }

    private HttpResponse<String> send(String user, String method, String path, byte[] body, String language)
            throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(request(user, path, language).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        return http.send(request(user, path, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
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
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records API over real HTTP with Basic authentication, on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordApiTest {

    private static final String PASSWORD = "Jilu-2026-secret";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String engineer;
    private String worker;

    @BeforeEach
    void createTenantWithEntity() {
        long tenantId = tenants.create("rec-" + UUID.randomUUID(), "记录测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        engineer = accounts.create(tenantId, "eng-" + UUID.randomUUID(), PASSWORD, "王工",
                Set.of("SAFETY_ENGINEER"), null, null).username();
        worker = accounts.create(tenantId, "wkr-" + UUID.randomUUID(), PASSWORD, "李强",
                Set.of("WORKER"), null, null).username();
        metadata.saveAndPublish(tenantId, MetadataKind.ENTITY, "patrol", json.readTree("""
                {"name": "patrol", "label": {"zh": "巡查", "en": "Patrol"}, "storage": "records",
                 "fields": [
                  {"name": "title", "type": "text", "label": {"zh": "标题", "en": "Title"}, "required": true},
                  {"name": "rounds", "type": "integer", "label": {"zh": "轮次", "en": "Rounds"}, "minimum": 1}]}"""),
                "admin");
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void crudWithRowVersionsAndSoftDelete() throws Exception {
        HttpResponse<String> created = send(engineer, "POST", "/api/records/patrol",
                "{\"data\": {\"title\": \"储罐区\", \"rounds\": 2}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = body(created).get("id").asLong();
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> updated = send(engineer, "PUT", "/api/records/patrol/" + id,
                "{\"data\": {\"title\": \"储罐区（复查）\", \"rounds\": 3}}", "If-Match", "\"1\"");
        HttpResponse<String> stale = send(engineer, "PUT", "/api/records/patrol/" + id,
                "{\"data\": {\"title\": \"过期修改\"}, \"rowVersion\": 1}");
        HttpResponse<String> deleted = send(engineer, "DELETE", "/api/records/patrol/" + id, "", "If-Match", "2");
        HttpResponse<String> gone = send(engineer, "GET", "/api/records/patrol/" + id, "", "Accept-Language", "en");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(body(updated).get("rowVersion").asInt()).isEqualTo(2);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(body(stale).get("code").asString()).isEqualTo("record.stale");
        assertThat(body(stale).get("message").asString()).contains("已被他人修改");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(body(gone).get("message").asString()).isEqualTo("Entity \"patrol\" has no record with id " + id);
    }

    @Test
    void invalidDataReturns422WithFieldPaths() throws Exception {
        HttpResponse<String> chinese = send(engineer, "POST", "/api/records/patrol", "{\"data\": {\"rounds\": 0}}");
        HttpResponse<String> english = send(engineer, "POST", "/api/records/patrol", "{\"data\": {\"rounds\": 0}}",
                "Accept-Language", "en");

        assertThat(chinese.statusCode()).isEqualTo(422);
        assertThat(body(chinese).get("details").findValuesAsString("path")).containsExactly("$.title", "$.rounds");
        assertThat(body(chinese).get("details").get(0).get("message").asString()).contains("标题");
        assertThat(body(english).get("message").asString()).contains("2 problem(s)");
        assertThat(body(english).get("details").get(1).get("message").asString()).contains("Rounds").contains("1");
    }

    @Test
    void workerReadsButCannotWrite() throws Exception {
        send(engineer, "POST", "/api/records/patrol", "{\"data\": {\"title\": \"码头\", \"rounds\": 1}}");
        send(engineer, "POST", "/api/records/patrol", "{\"data\": {\"title\": \"储罐北\", \"rounds\": 5}}");
        send(engineer, "POST", "/api/records/patrol", "{\"data\": {\"title\": \"储罐南\", \"rounds\": 4}}");

        HttpResponse<String> refused = send(worker, "POST", "/api/records/patrol", "{\"data\": {\"title\": \"x\"}}");
        HttpResponse<String> list = send(worker, "GET", "/api/records/patrol?filter="
                + URLEncoder.encode("title:contains:储罐", StandardCharsets.UTF_8) + "&sort=-rounds&size=1", "");
        HttpResponse<String> badFilter = send(worker, "GET", "/api/records/patrol?filter=color:eq:red", "");
        HttpResponse<String> unknown = send(worker, "GET", "/api/records/no_such_entity", "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(body(list).get("total").asLong()).isEqualTo(2);
        assertThat(body(list).get("items").get(0).get("data").get("title").asString()).isEqualTo("储罐北");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(body(badFilter).get("message").asString()).contains("color").contains("title");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonNamesPosition() throws Exception {
        HttpResponse<String> response = send(engineer, "POST", "/api/records/patrol", "{\"data\": not-json}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("code").asString()).isEqualTo("api.badJson");
        assertThat(body(response).path("message").asString()).startsWith("请求体不是有效的 JSON（第 1 行第");
    }

    @Test
    void wrongValueNamesFieldAndForm() throws Exception {
        HttpResponse<String> value = send(engineer, "PUT", "/api/records/patrol/1",
                "{\"data\": {}, \"rowVersion\": \"第二版\"}");
        HttpResponse<String> structure = send(engineer, "POST", "/api/records/patrol", "[1, 2]");

        assertThat(value.statusCode()).isEqualTo(400);
        assertThat(body(value).path("code").asString()).isEqualTo("api.badField");
        assertThat(body(value).path("message").asString())
                .isEqualTo("字段“rowVersion”的值“第二版”无效，应为数字；请修改后重新提交");
        assertThat(structure.statusCode()).isEqualTo(400);
        assertThat(body(structure).path("code").asString()).isEqualTo("api.badBody");
        assertThat(body(structure).path("message").asString()).doesNotContain("RecordApi", "deserialize");
    }
}

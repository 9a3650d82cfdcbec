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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.query.WorkOrderRecords;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The query API over real HTTP with HTTP Basic, against record tables in the tenant's schema. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryApiTest {

    private static final String PASSWORD = "Anquan-2026";

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;
    private String leader;

    @BeforeEach
    void tenantWithWorkOrders() {
        long tenantId = tenants.create("qa-" + UUID.randomUUID(), "查询接口测试企业", null,
                ZoneId.of("Asia/Shanghai")).id();
        admin = accounts.create(tenantId, "admin-" + UUID.randomUUID(), PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"),
                null, null).username();
        leader = accounts.create(tenantId, "leader-" + UUID.randomUUID(), PASSWORD, "班长", Set.of("WORK_LEADER"),
                null, null).username();
        WorkOrderRecords.create(tenantId, store, jdbc, json);
    }

    @Test
    void adHocQueryReturnsRowsAndDatabaseSql() throws Exception {
        HttpResponse<String> response = post(admin, "/api/query", """
                {"sql": "select status, count(*) as orders from work_order where site = :site group by status order by status",
                 "parameters": {"site": "east"}}""");

        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("columns").valueStream().map(column -> column.path("name").asString()).toList())
                .containsExactly("status", "orders");
        assertThat(body.path("rows").toString()).isEqualTo("[[\"open\",2]]");
        assertThat(body.path("databaseSql").get(0).asString()).contains("WHERE").contains("GROUP BY");
    }

    @Test
    void unknownTableIsRejectedWithPosition() throws Exception {
        HttpResponse<String> response = post(admin, "/api/query", """
                {"sql": "select * from app_user"}""");

        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body.path("code").asString()).isEqualTo("query.unknownTable");
        assertThat(body.path("message").asString())
                .isEqualTo("SQL 第 1 行第 15 列：没有可查询的实体“app_user”。本企业可查询的实体：work_order");
        assertThat(body.path("details").get(0).path("path").asString()).isEqualTo("sql:1:15");
    }

    @Test
    void deleteIsRejected() throws Exception {
        HttpResponse<String> response = post(admin, "/api/query", """
                {"sql": "delete from work_order"}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("query.onlySelect");
    }

    @Test
    void workLeaderIsForbidden() throws Exception {
        HttpResponse<String> response = post(leader, "/api/query", """
                {"sql": "select * from work_order"}""");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void savedFilterRunsWithParametersAndPaging() throws Exception {
        HttpResponse<String> saved = send(admin, HttpRequest.newBuilder(uri("/api/metadata/query/open-orders/draft"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"type": "filter", "title": {"zh": "未关闭工单", "en": "Open orders"}, "entity": "work_order",
                         "columns": ["site", "status"], "sort": [{"column": "site"}], "pageSize": 1,
                         "where": "status = :status",
                         "parameters": [{"name": "status", "type": "text", "label": {"zh": "状态"}}],
                         "columnLabels": {"site": {"zh": "厂区", "en": "Site"}}}""")));
        send(admin, HttpRequest.newBuilder(uri("/api/metadata/query/open-orders/publish"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        HttpResponse<String> page2 = send(admin,
                HttpRequest.newBuilder(uri("/api/query/open-orders?status=open&page=2"))
                        .header("Accept-Language", "en").GET());

        JsonNode body = json.readTree(page2.body());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(page2.statusCode()).isEqualTo(200);
        assertThat(body.path("title").asString()).isEqualTo("Open orders");
        assertThat(body.path("columns").get(0).path("label").asString()).isEqualTo("Site");
        assertThat(body.path("rows").toString()).isEqualTo("[[\"east\",\"open\"]]");
        assertThat(body.path("page").asInt()).isEqualTo(2);
        assertThat(body.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void brokenSavedQueryIsNotSaved() throws Exception {
        HttpResponse<String> response = send(admin, HttpRequest.newBuilder(uri("/api/metadata/query/broken/draft"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"type": "report", "title": {"zh": "坏报表"}, "sql": "select leader from work_order"}""")));

        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body.path("details").get(0).path("path").asString()).isEqualTo("$.sql");
        assertThat(body.path("details").get(0).path("message").asString()).contains("leader");
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
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

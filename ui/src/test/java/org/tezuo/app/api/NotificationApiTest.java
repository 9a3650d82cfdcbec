package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.notification.DeliveryDispatcher;
import org.tezuo.core.notification.DeliveryOutbox;
import org.tezuo.core.notification.Notice;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The /api/notifications endpoints over real HTTP with HTTP Basic, against real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tezuo.notification.poll-interval=0", "tezuo.notification.max-attempts=1", "API_TEST_ROBOT_KEY=key"})
class NotificationApiTest {

    private static final String PASSWORD = "Anquan-2026";

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DeliveryOutbox outbox;

    @Autowired
    DeliveryDispatcher dispatcher;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private long tenantId;
    private String admin;
    private String worker;

    @BeforeEach
    void createTenant() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = tenants.create("api-notice-" + suffix, "通知接口测试", null, ZoneId.of("Asia/Shanghai")).id();
        admin = "admin-" + suffix;
        worker = "worker-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), null, null);
        accounts.create(tenantId, worker, PASSWORD, "李强", Set.of("WORKER"), null, null);
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "closed-robot", json.readTree("""
                {"type":"wecom-robot","baseUrl":"http://127.0.0.1:%d","connectTimeoutMs":1000,
                 "channel":{"tokenEnv":"API_TEST_ROBOT_KEY"}}""".formatted(closedPort())), "admin");
    }

    @Test
    void workerReadsAndMarksInbox() throws Exception {
        events.publishEvent(new Notice(tenantId, worker, "qualification.warning", "证书即将到期", "请安排复审", "/warnings",
                admin));

        JsonNode unread = json.readTree(send(worker, "GET", "/api/notifications/inbox?unreadOnly=true").body());
        long id = unread.get(0).path("id").asLong();
        HttpResponse<String> marked = send(worker, "POST", "/api/notifications/inbox/" + id + "/read");
        JsonNode count = json.readTree(send(worker, "GET", "/api/notifications/inbox/unread-count").body());

        assertThat(unread.get(0).path("subject").asString()).isEqualTo("证书即将到期");
        assertThat(unread.get(0).path("link").asString()).isEqualTo("/warnings");
        assertThat(unread.get(0).path("sender").asString()).isEqualTo(admin);
        assertThat(unread.get(0).path("senderName").asString()).isEqualTo("系统管理员");
        assertThat(marked.statusCode()).isEqualTo(204);
        assertThat(count.path("unread").asInt()).isZero();
        assertThat(send(admin, "POST", "/api/notifications/inbox/" + id + "/read").statusCode()).isEqualTo(404);
    }

    @Test
    void adminSeesFailedDeliveryAndRetries() throws Exception {
        events.publishEvent(new Notice(tenantId, worker, "qualification.warning", "证书已过期", "请停止作业", null));
        dispatcher.dispatchDue();
        long deliveryId = outbox.list(tenantId, null).getFirst().id();

        HttpResponse<String> failed = send(admin, "GET", "/api/notifications/deliveries?status=FAILED");
        HttpResponse<String> forbidden = send(worker, "GET", "/api/notifications/deliveries");
        HttpResponse<String> retried = send(admin, "POST", "/api/notifications/deliveries/" + deliveryId + "/retry");
        dispatcher.dispatchDue();
        int attemptsAfterRetry = outbox.find(tenantId, deliveryId).orElseThrow().attempts();
        jdbc.sql("update notice_delivery set status = 'SENT' where id = ?").param(deliveryId).update();
        HttpResponse<String> notFailed = send(admin, "POST",
                "/api/notifications/deliveries/" + deliveryId + "/retry");
        HttpResponse<String> unknown = send(admin, "POST", "/api/notifications/deliveries/999999999/retry");

        JsonNode first = json.readTree(failed.body()).get(0);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        assertThat(first.path("id").asLong()).isEqualTo(deliveryId);
        assertThat(first.path("status").asString()).isEqualTo("FAILED");
        assertThat(first.path("recipient").asString()).isEqualTo(worker);
        assertThat(first.path("recipientName").asString()).isEqualTo("李强");
        assertThat(first.path("lastError").asString()).startsWith("无法连接通知渠道“closed-robot”");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(attemptsAfterRetry).isEqualTo(2);
        assertThat(notFailed.statusCode()).isEqualTo(422);
        assertThat(json.readTree(notFailed.body()).path("message").asString()).isEqualTo("通知投递 " + deliveryId
                + " 的状态是 SENT，只有失败（FAILED）的投递可以重试；排队中的投递会自动发送");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("message").asString())
                .isEqualTo("未找到通知投递“999999999”；请确认编号是否正确，或该数据是否属于您的企业");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> send(String username, String method, String path)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

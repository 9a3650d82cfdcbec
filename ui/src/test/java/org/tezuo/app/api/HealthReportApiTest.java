package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
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
import org.tezuo.core.tenant.TenantDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The /api/health-reports endpoints over real HTTP with HTTP Basic, against real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tezuo.health-report.check-interval=0", "tezuo.notification.poll-interval=0"})
class HealthReportApiTest {

    private static final String PASSWORD = "Anquan-2026";

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;
    private String worker;

    @BeforeEach
    void createTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long tenantId = tenants.create("api-health-" + suffix, "月报接口测试", null, ZoneId.of("Asia/Shanghai")).id();
        admin = "admin-" + suffix;
        worker = "worker-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), null, null);
        accounts.create(tenantId, worker, PASSWORD, "李强", Set.of("WORKER"), null, null);
    }

    @Test
    void adminGeneratesListsAndDownloads() throws Exception {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

        HttpResponse<String> generated = send(admin, "POST", "/api/health-reports/" + month);
        JsonNode listed = json.readTree(send(admin, "GET", "/api/health-reports").body());
        HttpResponse<String> pdf = send(admin, "GET", listed.get(0).path("pdfUrl").asString());

        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("month").asString()).isEqualTo(month);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void badMonthAndWorkerAreRejected() throws Exception {
        HttpResponse<String> badMonth = send(admin, "POST", "/api/health-reports/2026-13");
        HttpResponse<String> forbidden = send(worker, "GET", "/api/health-reports");

        assertThat(badMonth.statusCode()).isEqualTo(422);
        assertThat(json.readTree(badMonth.body()).path("message").asString())
                .isEqualTo("月份“2026-13”无效；请按 yyyy-MM 填写，例如 2026-11");
        assertThat(forbidden.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String username, String method, String path)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

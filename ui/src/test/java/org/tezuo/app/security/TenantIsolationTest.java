package org.tezuo.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tezuo.app.profile.ProfileFixture;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.core.connector.registry.RegistryStubServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users of tenant 甲方 try to reach the data of tenant 乙方 over real HTTP against real PostgreSQL: by 乙方's ids in
 * every REST resource that takes one, by SQL naming 乙方's schema or the catalogue, by rule expressions and
 * document references naming 乙方's tables and documents, by 乙方's file ids and tokens, and by opening 乙方's pages
 * by route in headless Chromium. Each attempt is one row of a table with the rejection it must get: 404 with a
 * message, 422 naming the unknown name for SQL and documents, an empty answer for a search, or a page that says
 * only that the item was not found. No response or page may contain any of 乙方's names, its ID number or its
 * tenant code. The counts are printed when the class finishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    private static final String ID_NUMBER_A = "320102198703151236";
    private static final String ID_NUMBER_B = "320102197911204518";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger tried = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private RegistryStubServer registry;
    private HeadlessChromium chromium;
    private TenantData tenantA;
    private TenantData tenantB;

    /** How an attempt must be rejected. */
    enum Rejection {
        /** 404 with a message: the id does not exist in the caller's tenant. */
        NOT_FOUND(404),
        /** 422 with a message naming the unknown table, name or expression. */
        REJECTED(422),
        /** 200 with nothing of the other tenant: a search or list that finds nothing. */
        NOTHING(200);

        final int status;

        Rejection(int status) {
            this.status = status;
        }
    }

    /** One try to reach the other tenant's data, as a user of the first tenant with {@code role}. */
    record Attempt(String name, Role role, String method, String path, String contentType, byte[] body,
            Rejection rejection) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void createTenants() throws IOException {
        registry = RegistryStubServer.start(0);
        tenantA = TenantData.basic(context, "甲方", ID_NUMBER_A);
        tenantB = TenantData.full(context, "乙方", ID_NUMBER_B, registry.baseUrl(), registry::put);
        chromium = HeadlessChromium.start("zh-CN", new Dimension(1280, 900));
        chromium.signIn(url("/login"), tenantA.user(Role.SYSTEM_ADMIN), TenantData.PASSWORD, RENDER_TIMEOUT);
    }

    @AfterAll
    void reportCounts() throws IOException {
        if (registry != null) {
            registry.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        System.out.printf("Tenant isolation: %d attempts tried, %d rejected%n", tried.get(), rejected.get());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("attempts")
    @DisplayName("Another tenant's data is rejected")
    void otherTenantsDataIsRejected(Attempt attempt) throws Exception {
        tried.incrementAndGet();

        HttpResponse<String> response = send(tenantA.user(attempt.role()), attempt.method(), attempt.path(),
                attempt.contentType(), attempt.body());

        assertThat(response.statusCode()).as("%s %s: %s", attempt.method(), attempt.path(), response.body())
                .isEqualTo(attempt.rejection().status);
        if (attempt.rejection() != Rejection.NOTHING) {
            assertThat(json.readTree(response.body()).path("message").asString()).as(response.body()).isNotBlank();
        }
        for (String secret : tenantB.secrets()) {
            assertThat(response.body()).as("response to %s", attempt.name()).doesNotContain(secret);
        }
        rejected.incrementAndGet();
    }

    /** A page of the other tenant's data opened by its route, with the element that shows it was not found. */
    record PageAttempt(String name, String path, String notFoundElementId) {

        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pageAttempts")
    @DisplayName("Another tenant's page shows only that it was not found")
    void otherTenantsPageShowsNothing(PageAttempt attempt) {
        tried.incrementAndGet();
        WebDriver browser = chromium.driver();

        browser.get(url(attempt.path()));
        WebElement notFound = new WebDriverWait(browser, RENDER_TIMEOUT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id(attempt.notFoundElementId())));

        assertThat(notFound.getText()).isNotBlank();
        String page = String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.body.innerText + document.documentElement.outerHTML;"));
        for (String secret : tenantB.secrets()) {
            assertThat(page).as("page %s", attempt.path()).doesNotContain(secret);
        }
        rejected.incrementAndGet();
    }

    Stream<PageAttempt> pageAttempts() {
        return Stream.of(
                new PageAttempt("person page", "/persons/" + tenantB.personId, "person-not-found"),
                new PageAttempt("badge page", "/persons/" + tenantB.personId + "/badge", "person-not-found"),
                new PageAttempt("profile page by badge token", "/profile/" + tenantB.profileToken, "profile-not-found"),
                new PageAttempt("permit page", "/permits/" + tenantB.permitId + "/detail", "permit-not-found"),
                new PageAttempt("task page", "/tasks/" + tenantB.taskId, "task-not-found"),
                new PageAttempt("record page", "/records/work_order/" + tenantB.workOrderIds.getLast(), "record-not-found"),
                new PageAttempt("records of an entity only the other tenant has", "/records/secret_patrol",
                        "records-not-found"),
                new PageAttempt("form only the other tenant has", "/forms/secret-form/fill", "fill-not-found"),
                new PageAttempt("e-permit page by permit number", "/e-permit/" + tenantB.permitNumber,
                        "epermit-not-found"));
    }

    Stream<Attempt> attempts() {
        List<Attempt> attempts = new ArrayList<>();
        attempts.addAll(restIdAttempts());
        attempts.addAll(workflowIdAttempts());
        attempts.addAll(sqlAttempts());
        attempts.addAll(ruleAttempts());
        return attempts.stream();
    }

    private List<Attempt> restIdAttempts() {
        String person = "/api/persons/" + tenantB.personId;
        String certificate = "/api/certificates/" + tenantB.certificateId;
        String permit = "/api/permits/" + tenantB.permitId;
        long foreignRecord = tenantB.workOrderIds.getLast();
        Role admin = Role.SYSTEM_ADMIN;
        return List.of(
                get("person by id", admin, person, Rejection.NOT_FOUND),
                get("person's freeze", admin, person + "/freeze", Rejection.NOT_FOUND),
                get("person's warnings", admin, person + "/warnings", Rejection.NOT_FOUND),
                get("person's assessments", admin, person + "/assessments", Rejection.NOT_FOUND),
                post("assessment for person", admin, person + "/assessments", """
                        {"kind":"PRACTICAL","item":"熔化焊接与热切割作业","heldOn":"2026-01-05","result":"PASSED",
                         "assessor":"甲方考评员"}""", Rejection.NOT_FOUND),
                get("person's badge token", admin, person + "/profile-token", Rejection.NOT_FOUND),
                post("regenerate person's badge token", admin, person + "/profile-token", null, Rejection.NOT_FOUND),
                delete("revoke person's badge token", admin, person + "/profile-token", Rejection.NOT_FOUND),
                post("person left the post", admin, person + "/post-absence/leave", "{\"on\":\"2026-01-05\"}",
                        Rejection.NOT_FOUND),
                post("person returned to the post", admin, person + "/post-absence/return",
                        "{\"on\":\"2026-01-05\"}", Rejection.NOT_FOUND),
                post("person passed the re-exam", admin, person + "/post-absence/practical-reexam",
                        "{\"on\":\"2026-01-05\"}", Rejection.NOT_FOUND),
                post("revoke certificate", admin, certificate + "/revocation", "{\"reason\":\"甲方撤销\"}",
                        Rejection.NOT_FOUND),
                post("cancel certificate", admin, certificate + "/cancellation", "{\"reason\":\"甲方注销\"}",
                        Rejection.NOT_FOUND),
                post("extend certificate review", admin, certificate + "/review-extension", "{\"on\":\"2026-01-05\"}",
                        Rejection.NOT_FOUND),
                get("profile by badge token", admin, "/api/person-profiles/" + tenantB.profileToken, Rejection.NOT_FOUND),
                new Attempt("upload clip to assessment", admin, "POST", "/api/assessments/" + tenantB.assessmentId
                        + "/clips?fileName=a.mp4&consent=true", "video/mp4", ProfileFixture.mp4(500),
                        Rejection.NOT_FOUND),
                get("play assessment clip", admin, "/api/assessment-clips/" + tenantB.clipId + "/content",
                        Rejection.NOT_FOUND),
                post("withdraw clip consent", admin, "/api/assessment-clips/" + tenantB.clipId + "/consent-withdrawal", null,
                        Rejection.NOT_FOUND),
                get("download photo", admin, "/api/files/" + tenantB.fileId, Rejection.NOT_FOUND),
                get("download health report PDF", admin, "/api/files/" + tenantB.healthReportPdfId, Rejection.NOT_FOUND),
                get("download health report workbook", admin, "/api/files/" + tenantB.healthReportXlsxId,
                        Rejection.NOT_FOUND),
                get("download import errors as xlsx", admin, "/api/roster/imports/" + tenantB.rosterBatchId
                        + "/errors.xlsx", Rejection.NOT_FOUND),
                get("download import errors as csv", admin, "/api/roster/imports/" + tenantB.rosterBatchId + "/errors.csv",
                        Rejection.NOT_FOUND),
                get("verification run changes", admin, "/api/verification/runs/" + tenantB.verificationRunId + "/changes",
                        Rejection.NOT_FOUND),
                get("verification run mismatches", admin, "/api/verification/runs/" + tenantB.verificationRunId
                        + "/mismatches", Rejection.NOT_FOUND),
                post("confirm warning to-do", Role.TEAM_LEADER, "/api/warnings/" + tenantB.warningId + "/confirm", null,
                        Rejection.NOT_FOUND),
                get("permit by id", admin, permit, Rejection.NOT_FOUND),
                put("edit permit", Role.WORKER, permit, "{\"workContent\":\"甲方改写\"}", Rejection.NOT_FOUND),
                post("gas reading for permit", Role.WORKER, permit + "/gas-readings", """
                        {"detectorId":"GD-01","measuredAt":"2026-01-05T10:00:00+08:00","oxygenPercentVol":"20.9"}""",
                        Rejection.NOT_FOUND),
                post("submit permit", Role.WORKER, permit + "/submit", null, Rejection.NOT_FOUND),
                get("permit approval records", admin, permit + "/history", Rejection.NOT_FOUND),
                get("permit risk confirmations", admin, permit + "/confirmations", Rejection.NOT_FOUND),
                get("e-permit QR code", admin, "/api/permits/" + tenantB.issuedPermitId + "/qr.png", Rejection.NOT_FOUND),
                post("revoke e-permit", admin, "/api/permits/" + tenantB.issuedPermitId + "/qr/revoke", null,
                        Rejection.NOT_FOUND),
                get("record by id", admin, "/api/records/work_order/" + foreignRecord, Rejection.NOT_FOUND),
                put("update record", admin, "/api/records/work_order/" + foreignRecord,
                        "{\"data\":{\"site\":\"甲方\",\"status\":\"open\"},\"rowVersion\":0}", Rejection.NOT_FOUND),
                delete("delete record", admin, "/api/records/work_order/" + foreignRecord, Rejection.NOT_FOUND),
                get("records of an entity only the other tenant has", admin, "/api/records/secret_patrol",
                        Rejection.NOT_FOUND),
                post("record of an entity only the other tenant has", admin, "/api/records/secret_patrol",
                        "{\"data\":{\"title\":\"甲方\"}}", Rejection.NOT_FOUND),
                get("saved report", admin, "/api/query/secret-report", Rejection.NOT_FOUND),
                get("versions of a document", admin, "/api/metadata/query/secret-report/versions", Rejection.NOT_FOUND),
                get("diff of a flow", admin, "/api/metadata/flow/secret-flow/diff?from=1", Rejection.NOT_FOUND),
                post("roll back a flow", admin, "/api/metadata/flow/secret-flow/rollback?to=1", null,
                        Rejection.NOT_FOUND),
                get("export a flow in a bundle", admin, "/api/metadata/bundle?select=flow:secret-flow",
                        Rejection.NOT_FOUND),
                post("mark in-app notice read", Role.WORKER, "/api/notifications/inbox/" + tenantB.noticeId + "/read",
                        null, Rejection.NOT_FOUND),
                post("retry notice delivery", admin, "/api/notifications/deliveries/" + tenantB.deliveryId + "/retry", null,
                        Rejection.NOT_FOUND),
                patch("rename org unit", admin, "/api/org/units/" + tenantB.unitIds.get("MAINT"), "{\"name\":\"甲方\"}",
                        Rejection.NOT_FOUND),
                delete("remove org unit", admin, "/api/org/units/" + tenantB.unitIds.get("MAINT"), Rejection.NOT_FOUND),
                post("add unit under the other tenant's unit", admin, "/api/org/units", """
                        {"parentId":%d,"code":"X1","name":"甲方新厂区","kind":"plant"}"""
                        .formatted(tenantB.unitIds.get("HQ")), Rejection.NOT_FOUND),
                put("move the other tenant's user", admin, "/api/org/persons/" + tenantB.user(Role.WORKER) + "/unit",
                        "{\"orgUnitId\":" + tenantA.unitIds.get("MAINT") + "}", Rejection.NOT_FOUND),
                put("grant roles to the other tenant's user", admin, "/api/org/persons/" + tenantB.user(Role.WORKER)
                        + "/roles", "{\"roles\":[\"SYSTEM_ADMIN\"]}", Rejection.NOT_FOUND),
                get("audit records of the person", admin, "/api/audit?subjectType=person&subjectId=" + tenantB.personId,
                        Rejection.NOTHING),
                get("audit records of the permit", admin, "/api/audit?subjectType=permit&subjectId=" + tenantB.permitId,
                        Rejection.NOTHING));
    }

    private List<Attempt> workflowIdAttempts() {
        String task = "/api/tasks/" + tenantB.taskId;
        String approval = "/api/approvals/" + tenantB.processInstanceId;
        Role leader = Role.WORK_LEADER;
        return List.of(
                get("approval task", leader, task, Rejection.NOT_FOUND),
                post("confirm risk items of task", leader, task + "/risk-confirmations", "[]", Rejection.NOT_FOUND),
                post("approve task", leader, task + "/approve", "{\"comment\":\"甲方同意\"}", Rejection.NOT_FOUND),
                post("reject task", leader, task + "/reject", "{\"comment\":\"甲方驳回\"}", Rejection.NOT_FOUND),
                post("return task to applicant", leader, task + "/return", "{\"comment\":\"甲方退回\"}",
                        Rejection.NOT_FOUND),
                post("sign off task", leader, task + "/sign-off", "{}", Rejection.NOT_FOUND),
                get("return targets of task", leader, task + "/return-targets", Rejection.NOT_FOUND),
                post("transfer task", leader, task + "/transfer", "{\"user\":\"" + tenantA.user(Role.SAFETY_ENGINEER)
                        + "\"}", Rejection.NOT_FOUND),
                post("delegate task", leader, task + "/delegate", "{\"user\":\"" + tenantA.user(Role.SAFETY_ENGINEER)
                        + "\"}", Rejection.NOT_FOUND),
                post("add signer to task", leader, task + "/signers", "{\"user\":\"" + tenantA.user(Role.SAFETY_ENGINEER)
                        + "\"}", Rejection.NOT_FOUND),
                delete("remove signer from task", leader, task + "/signers/" + tenantB.user(Role.WORK_LEADER),
                        Rejection.NOT_FOUND),
                post("comment on approval", Role.WORKER, approval + "/comments", "{\"comment\":\"甲方评论\"}",
                        Rejection.NOT_FOUND),
                get("approval history", Role.WORKER, approval + "/history", Rejection.NOT_FOUND),
                post("urge approval", Role.WORKER, approval + "/urge", "{}", Rejection.NOT_FOUND),
                post("withdraw approval", Role.WORKER, approval + "/withdraw", "{}", Rejection.NOT_FOUND),
                post("resume approval", Role.SAFETY_DIRECTOR, approval + "/resume", "{}", Rejection.NOT_FOUND),
                get("plan approval migration", Role.SYSTEM_ADMIN, "/api/flows/instances/" + tenantB.processInstanceId
                        + "/migration?version=1", Rejection.NOT_FOUND),
                post("migrate approval", Role.SYSTEM_ADMIN, "/api/flows/instances/" + tenantB.processInstanceId
                        + "/migration?version=1", null, Rejection.NOT_FOUND),
                post("mark carbon copy read", Role.HRBP, "/api/inbox/copied/" + tenantB.approvalCopyId + "/read", null,
                        Rejection.NOT_FOUND),
                post("mark approval notice read", leader, "/api/notices/" + tenantB.approvalNoticeId + "/read", null,
                        Rejection.NOT_FOUND),
                get("to-do list filtered by the other tenant's permit", leader, "/api/inbox/todo?businessKey="
                        + encode("permit:" + tenantB.permitId), Rejection.NOTHING));
    }

    private List<Attempt> sqlAttempts() {
        String schema = "tenant_" + tenantB.tenantId;
        List<Attempt> attempts = new ArrayList<>();
        for (String sql : List.of(
                "select * from \"" + schema + "\".\"work_order\"",
                "select * from " + schema + ".work_order",
                "select * from secret_patrol",
                "select * from information_schema.tables",
                "select * from pg_catalog.pg_tables",
                "select * from app_user",
                "select * from metadata_document",
                "select site from work_order union all select site from \"" + schema + "\".\"work_order\"",
                "select * from work_order where exists (select 1 from pg_catalog.pg_roles)",
                "select query_to_xml('select * from \"" + schema + "\".\"work_order\"', true, true, '') from work_order",
                "select * from work_order; select * from app_user",
                "select current_setting('search_path') from work_order",
                "set search_path to \"" + schema + "\"")) {
            attempts.add(post("SQL: " + sql, Role.SYSTEM_ADMIN, "/api/query",
                    json.writeValueAsString(java.util.Map.of("sql", sql)), Rejection.REJECTED));
        }
        attempts.add(post("SQL parameter carrying a union", Role.SYSTEM_ADMIN, "/api/query",
                json.writeValueAsString(java.util.Map.of("sql", "select site from work_order where site = :site",
                        "parameters", java.util.Map.of("site", "x' union select site from \"" + schema
                                + "\".\"work_order\" --"))), Rejection.NOTHING));
        attempts.add(get("record filter carrying a quote", Role.SYSTEM_ADMIN, "/api/records/work_order?filter="
                + encode("site:eq:x' or '1'='1"), Rejection.NOTHING));
        attempts.add(put("saved report naming the other tenant's schema", Role.SYSTEM_ADMIN,
                "/api/metadata/query/steal/draft", """
                        {"type": "report", "title": {"zh": "窃取"}, "sql": "select * from \\"%s\\".\\"work_order\\""}"""
                        .formatted(schema), Rejection.REJECTED));
        return attempts;
    }

    private List<Attempt> ruleAttempts() {
        String schema = "tenant_" + tenantB.tenantId;
        List<Attempt> attempts = new ArrayList<>();
        for (String[] rule : List.of(
                new String[] {"x-visibleWhen", schema + ".work_order.site == 'east'"},
                new String[] {"x-requiredWhen", "secret_patrol.title == 'x'"},
                new String[] {"x-computed", "java.lang.System.getenv('PGPASSWORD')"},
                new String[] {"x-default", "Runtime.getRuntime().exec('id')"},
                new String[] {"x-visibleWhen", "@{jdbc.query('select * from app_user')}"})) {
            attempts.add(put("form " + rule[0] + ": " + rule[1], Role.SYSTEM_ADMIN,
                    "/api/metadata/form/steal-" + attempts.size() + "/draft", formWith(rule[0], rule[1]),
                    Rejection.REJECTED));
        }
        attempts.add(put("entity referencing the other tenant's entity", Role.SYSTEM_ADMIN,
                "/api/metadata/entity/steal_ref/draft", """
                        {"name": "steal_ref", "label": {"zh": "引用"}, "storage": "records",
                         "fields": [{"name": "patrol", "type": "reference", "target": "secret_patrol",
                                     "label": {"zh": "巡查"}}]}""", Rejection.REJECTED));
        attempts.add(put("entity using the other tenant's dictionary", Role.SYSTEM_ADMIN,
                "/api/metadata/entity/steal_dict/draft", """
                        {"name": "steal_dict", "label": {"zh": "字典"}, "storage": "records",
                         "fields": [{"name": "kind", "type": "enum", "dictionary": "secret_dictionary",
                                     "label": {"zh": "类别"}}]}""", Rejection.REJECTED));
        return attempts;
    }

    private String formWith(String keyword, String expression) {
        return """
                {"title": {"zh": "甲方表单"},
                 "schema": {"type": "object", "properties": {
                   "note": {"type": "string", "x-label": {"zh": "备注"}, "%s": %s}}},
                 "layout": {"sections": [{"title": {"zh": "基本"}, "fields": ["note"]}]}}"""
                .formatted(keyword, json.writeValueAsString(expression));
    }

    private static Attempt get(String name, Role role, String path, Rejection rejection) {
        return new Attempt(name, role, "GET", path, null, null, rejection);
    }

    private static Attempt delete(String name, Role role, String path, Rejection rejection) {
        return new Attempt(name, role, "DELETE", path, null, null, rejection);
    }

    private static Attempt post(String name, Role role, String path, String jsonBody, Rejection rejection) {
        return withJson(name, role, "POST", path, jsonBody, rejection);
    }

    private static Attempt put(String name, Role role, String path, String jsonBody, Rejection rejection) {
        return withJson(name, role, "PUT", path, jsonBody, rejection);
    }

    private static Attempt patch(String name, Role role, String path, String jsonBody, Rejection rejection) {
        return withJson(name, role, "PATCH", path, jsonBody, rejection);
    }

    private static Attempt withJson(String name, Role role, String method, String path, String jsonBody,
            Rejection rejection) {
        return new Attempt(name, role, method, path, "application/json",
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8), rejection);
    }

    private HttpResponse<String> send(String username, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + TenantData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

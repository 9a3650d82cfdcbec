package org.tezuo.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tezuo.app.profile.ProfileFixture;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls every REST endpoint as a user of each role (with the user's login session) and without credentials, over
 * real HTTP against real PostgreSQL, and checks the outcome against the explicit matrix below: a role left out gets 403, a role let in gets
 * anything but 401 and 403 (often 404 or 422, because the ids in the paths do not exist), and a caller without
 * credentials gets 401, or 403 from the CSRF check for a write. The endpoints are read from Spring's handler mapping, so a new endpoint without a row fails
 * {@link #everyEndpointHasRow}. Roles let in at this level may still be refused per object, for example a task that
 * is not theirs; {@code TenantIsolationTest} covers ids of other tenants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointRoleMatrixTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.SYSTEM_ADMIN);
    private static final Set<Role> ADMIN_DIRECTOR = EnumSet.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
    /** The safety department and administrators: configuration, queries, audit, health reports. */
    private static final Set<Role> SAFETY_OFFICE = EnumSet.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR,
            Role.SAFETY_ENGINEER);
    /** Everyone but workers, because certificate numbers embed the holder's ID number. */
    private static final Set<Role> PERSON_READERS = EnumSet.complementOf(EnumSet.of(Role.WORKER));
    /** The safety office and HR: ledger import, verification runs, time away from the post. */
    private static final Set<Role> LEDGER_KEEPERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR,
            Role.SAFETY_ENGINEER, Role.HRBP);
    private static final Set<Role> BADGE_MANAGERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.HRBP);
    private static final Set<Role> ASSESSMENT_RECORDERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SAFETY_ENGINEER,
            Role.HRBP);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String NO_ID = "999999999";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private final Map<String, Session> sessions = new java.util.HashMap<>();
    private final Map<String, Row> matrix = matrix();
    private RegistryStubServer registry;
    private TenantData tenant;

    /**
     * One endpoint's row: the roles let in, and what the call sends besides the path.
     *
     * @param query query string appended to the path, without the question mark, or empty
     * @param contentType content type of {@code body}, or null for no body
     */
    record Row(Set<Role> allowed, String query, @Nullable String contentType, byte @Nullable [] body) {
    }

    @BeforeAll
    void createTenant() throws IOException {
        registry = RegistryStubServer.start(0);
        tenant = TenantData.basic(context, "矩阵", "320102198512120016");
        MetadataStore metadata = context.getBean(MetadataStore.class);
        ObjectNode connector = (ObjectNode) metadata.requirePublished(tenant.tenantId, MetadataKind.CONNECTOR,
                "certificate-registry").body().deepCopy();
        connector.put("baseUrl", registry.baseUrl().toString());
        metadata.saveAndPublish(tenant.tenantId, MetadataKind.CONNECTOR, "certificate-registry", connector, "test");
    }

    @AfterAll
    void reportCounts() {
        if (registry != null) {
            registry.close();
        }
        System.out.printf("Endpoint role matrix: %d endpoints, %d calls, %d as expected%n", matrix.size(),
                calls.get(), passed.get());
    }

    @Test
    @DisplayName("Every REST endpoint has a row in the matrix, and every row an endpoint")
    void everyEndpointHasRow() {
        Set<String> endpoints = endpoints();

        assertThat(new TreeSet<>(endpoints)).as("endpoints without a row").isSubsetOf(matrix.keySet());
        assertThat(new TreeSet<>(matrix.keySet())).as("rows without an endpoint").isSubsetOf(endpoints);
    }

    @TestFactory
    @DisplayName("Each role gets what the matrix says at each endpoint")
    Stream<DynamicContainer> eachRoleGetsWhatMatrixSays() {
        return endpoints().stream().filter(matrix::containsKey).sorted().map(endpoint -> {
            Row row = matrix.get(endpoint);
            List<DynamicTest> callers = new ArrayList<>();
            for (Role role : Role.values()) {
                boolean allowed = row.allowed().contains(role);
                callers.add(DynamicTest.dynamicTest(role + (allowed ? " is let in" : " gets 403"),
                        () -> check(endpoint, row, tenant.user(role), allowed)));
            }
            callers.add(DynamicTest.dynamicTest("anonymous is refused", () -> check(endpoint, row, null, false)));
            return DynamicContainer.dynamicContainer(endpoint, callers);
        });
    }

    private void check(String endpoint, Row row, @Nullable String username, boolean allowed) throws Exception {
        calls.incrementAndGet();
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = concretePath(endpoint.substring(endpoint.indexOf(' ') + 1));

        HttpResponse<String> response = send(username, method, row.query().isEmpty() ? path
                : path + "?" + row.query(), row.contentType(), row.body());

        String description = method + " " + path + " as " + (username == null ? "anonymous" : username) + ": "
                + response.body();
        if (username == null) {
            // A write without credentials fails the CSRF check, which runs before authentication.
            assertThat(response.statusCode()).as(description).isEqualTo(isSafe(method) ? 401 : 403);
        } else if (allowed) {
            assertThat(response.statusCode()).as(description).isNotIn(401, 403, 405, 415).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as(description).isEqualTo(403);
        }
        passed.incrementAndGet();
    }

    /** Returns every {@code /api} endpoint as {@code METHOD /api/path/{variable}}. */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    /** Puts a value into each path variable that names nothing in the tenant, or a harmless choice. */
    private static String concretePath(String pattern) {
        Matcher variables = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = switch (variables.group(1)) {
                case "kind" -> "form";
                case "key" -> "no-such-key";
                case "entity" -> "no_such_entity";
                case "type" -> "hot-work";
                case "month" -> "2026-13";
                case "format" -> "csv";
                case "token" -> "A".repeat(43);
                case "taskId", "processInstanceId" -> "no-such-" + variables.group(1);
                case "username", "user" -> "no-such-user";
                default -> NO_ID;
            };
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    /**
     * Sends the request with the user's login session and its CSRF token, or without any credentials when
     * {@code username} is null. A session spares the password hash check that HTTP Basic costs on every call.
     */
    private HttpResponse<String> send(@Nullable String username, String method, String path,
            @Nullable String contentType, byte @Nullable [] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (username == null) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        Session session = sessions.computeIfAbsent(username, this::signIn);
        if (!isSafe(method)) {
            request.header("X-CSRF-TOKEN", session.csrfToken());
        }
        return session.browser().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A signed-in user's cookie jar and the CSRF token of the session. */
    record Session(HttpClient browser, String csrfToken) {
    }

    private Session signIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String loginToken = csrfToken(browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(TenantData.PASSWORD) + "&_csrf=" + encode(loginToken)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location")).as("login of " + username)
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
            String sessionToken = csrfToken(browser.send(HttpRequest.newBuilder(uri("/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            return new Session(browser, sessionToken);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrfToken(String page) {
        Matcher meta = CSRF_META.matcher(page);
        assertThat(meta.find()).as("CSRF meta tag").isTrue();
        return meta.group(1);
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, Row> matrix() {
        Map<String, Row> rows = new LinkedHashMap<>();

        // Audit log
        rows.put("GET /api/audit", plain(SAFETY_OFFICE));
        rows.put("GET /api/audit/verification", plain(SAFETY_OFFICE));

        // Files: any user of the tenant; the id is 256 random bits that only pages showing the file carry.
        rows.put("GET /api/files/{id}", plain(ALL));

        // Health reports
        rows.put("GET /api/health-reports", plain(SAFETY_OFFICE));
        rows.put("POST /api/health-reports/{month}", plain(ADMIN_DIRECTOR));

        // Approval operations: every user may call them; the workflow engine then checks that the task or
        // approval is the caller's.
        for (String endpoint : List.of("POST /api/tasks/{taskId}/sign-off", "POST /api/tasks/{taskId}/return-to",
                "POST /api/tasks/{taskId}/transfer", "POST /api/tasks/{taskId}/delegate",
                "POST /api/tasks/{taskId}/resolve", "POST /api/tasks/{taskId}/signers",
                "POST /api/approvals/{processInstanceId}/withdraw", "POST /api/approvals/{processInstanceId}/urge",
                "POST /api/approvals/{processInstanceId}/comments", "POST /api/approvals/{processInstanceId}/resume",
                "POST /api/tasks/{taskId}/risk-confirmations", "POST /api/tasks/{taskId}/approve",
                "POST /api/tasks/{taskId}/reject", "POST /api/tasks/{taskId}/return")) {
            rows.put(endpoint, json(ALL, endpoint.endsWith("risk-confirmations") ? "[]" : "{\"comment\":\"意见\"}"));
        }
        rows.put("GET /api/tasks/{taskId}/return-targets", plain(ALL));
        rows.put("DELETE /api/tasks/{taskId}/signers/{user}", plain(ALL));
        rows.put("GET /api/approvals/{processInstanceId}/history", plain(ALL));
        rows.put("GET /api/tasks", plain(ALL));
        rows.put("GET /api/tasks/{taskId}", plain(ALL));

        // Each user's own lists
        rows.put("GET /api/inbox/todo", plain(ALL));
        rows.put("GET /api/inbox/done", plain(ALL));
        rows.put("GET /api/inbox/copied", plain(ALL));
        rows.put("GET /api/inbox/counts", plain(ALL));
        rows.put("POST /api/inbox/copied/{copyId}/read", plain(ALL));
        rows.put("GET /api/notices", plain(ALL));
        rows.put("POST /api/notices/{noticeId}/read", plain(ALL));
        rows.put("GET /api/notifications/inbox", plain(ALL));
        rows.put("GET /api/notifications/inbox/unread-count", plain(ALL));
        rows.put("POST /api/notifications/inbox/{noticeId}/read", plain(ALL));
        rows.put("GET /api/warnings/mine", plain(ALL));
        rows.put("POST /api/warnings/{warningId}/confirm", plain(ALL));
        rows.put("GET /api/me", plain(ALL));

        // Notification deliveries
        rows.put("GET /api/notifications/deliveries", plain(ADMIN_DIRECTOR));
        rows.put("POST /api/notifications/deliveries/{deliveryId}/retry", plain(ADMIN_DIRECTOR));

        // Certificate lifecycle
        rows.put("POST /api/certificates/{id}/revocation", json(ADMIN_DIRECTOR, "{\"reason\":\"撤销\"}"));
        rows.put("POST /api/certificates/{id}/cancellation", json(ADMIN_DIRECTOR, "{\"reason\":\"注销\"}"));
        rows.put("POST /api/certificates/{id}/review-extension", json(ADMIN_DIRECTOR, "{\"on\":\"2026-01-05\"}"));
        rows.put("POST /api/persons/{id}/post-absence/leave", json(LEDGER_KEEPERS, "{\"on\":\"2026-01-05\"}"));
        rows.put("POST /api/persons/{id}/post-absence/return", json(LEDGER_KEEPERS, "{\"on\":\"2026-01-05\"}"));
        rows.put("POST /api/persons/{id}/post-absence/practical-reexam",
                json(LEDGER_KEEPERS, "{\"on\":\"2026-01-05\"}"));
        rows.put("GET /api/persons/{id}/freeze", plain(PERSON_READERS));

        // Flow administration
        rows.put("POST /api/flows/{key}/import", new Row(ADMIN_DIRECTOR, "", "application/xml",
                "<definitions/>".getBytes(StandardCharsets.UTF_8)));
        rows.put("GET /api/flows/instances/{processInstanceId}/migration", query(ADMIN_DIRECTOR, "version=1"));
        rows.put("POST /api/flows/instances/{processInstanceId}/migration", query(ADMIN_DIRECTOR, "version=1"));

        // Metadata
        rows.put("GET /api/metadata/{kind}", plain(SAFETY_OFFICE));
        rows.put("GET /api/metadata/{kind}/{key}/versions", plain(SAFETY_OFFICE));
        rows.put("PUT /api/metadata/{kind}/{key}/draft", json(ADMIN, "{}"));
        rows.put("POST /api/metadata/{kind}/{key}/publish", plain(ADMIN));
        rows.put("GET /api/metadata/{kind}/{key}/diff", query(SAFETY_OFFICE, "from=1"));
        rows.put("POST /api/metadata/{kind}/diff", json(SAFETY_OFFICE, "{\"before\":{},\"after\":{}}"));
        rows.put("POST /api/metadata/{kind}/{key}/rollback", query(ADMIN, "to=1"));
        rows.put("GET /api/metadata/bundle", query(ADMIN, "select=form:no-such-key"));
        rows.put("POST /api/metadata/bundle/preview", json(ADMIN, "{}"));
        rows.put("POST /api/metadata/bundle/apply", json(ADMIN, "{}"));

        // Org structure
        rows.put("GET /api/org", plain(ADMIN));
        rows.put("POST /api/org/units", json(ADMIN, "{}"));
        rows.put("PATCH /api/org/units/{id}", json(ADMIN, "{\"name\":\"新名称\"}"));
        rows.put("DELETE /api/org/units/{id}", plain(ADMIN));
        rows.put("PUT /api/org/persons/{username}/unit", json(ADMIN, "{\"orgUnitId\":" + NO_ID + "}"));
        rows.put("PUT /api/org/persons/{username}/roles", json(ADMIN, "{\"roles\":[\"WORKER\"]}"));

        // Permits: any user applies for and reads permits, as on the 作业票 pages; editing and submitting check
        // that the caller is the applicant.
        rows.put("GET /api/permit-types", plain(ALL));
        rows.put("GET /api/permit-types/{type}/initial-data", plain(ALL));
        rows.put("GET /api/permits", plain(ALL));
        rows.put("POST /api/permits", json(ALL, "{}"));
        rows.put("GET /api/permits/{id}", plain(ALL));
        rows.put("PUT /api/permits/{id}", json(ALL, "{}"));
        rows.put("POST /api/permits/{id}/gas-readings", json(ALL, "{}"));
        rows.put("POST /api/permits/{id}/submit", plain(ALL));
        rows.put("GET /api/permits/{id}/history", plain(ALL));
        rows.put("GET /api/permits/{id}/confirmations", plain(ALL));
        rows.put("GET /api/permits/{id}/qr.png", plain(ALL));
        rows.put("POST /api/permits/{id}/qr/revoke", plain(SAFETY_OFFICE));
        rows.put("GET /api/permits/{id}/e-permit.pdf", plain(ALL));

        // Evidence: every user of the tenant may record it; a tick checks the declared role per measure.
        rows.put("GET /api/permits/{id}/evidence", plain(ALL));
        rows.put("GET /api/permits/{id}/evidence/verification", plain(ALL));
        rows.put("POST /api/permits/{id}/evidence/photos", multipart(ALL));
        rows.put("POST /api/permits/{id}/evidence/signatures", multipart(ALL));
        rows.put("POST /api/permits/{id}/evidence/readings", json(ALL, "{}"));
        rows.put("POST /api/permits/{id}/evidence/ticks", json(ALL, "{}"));

        // Site phase: every user may call a step; the step then checks the person (work leader, shift leader …).
        rows.put("GET /api/permits/{id}/site", plain(ALL));
        rows.put("GET /api/permits/{id}/site/timeline", plain(ALL));
        for (String step : List.of("accept", "pre-start-check", "start", "suspend", "resume", "extend", "hand-over",
                "fire-watch-confirm", "close", "cancel")) {
            rows.put("POST /api/permits/{id}/site/" + step, json(ALL, "{}"));
        }

        // Presence: every user may call; check-in, snapshot and check-out then check that the permit names the user.
        rows.put("GET /api/permits/{id}/presence", plain(ALL));
        for (String report : List.of("check-in", "snapshot", "check-out")) {
            rows.put("POST /api/permits/{id}/presence/" + report, json(ALL, "{}"));
        }

        // Policy packs: the safety office applies and rolls back regulations.
        rows.put("GET /api/policy-packs", plain(SAFETY_OFFICE));
        rows.put("GET /api/policy-packs/bundled", plain(SAFETY_OFFICE));
        rows.put("POST /api/policy-packs/preview", json(SAFETY_OFFICE, "{}"));
        rows.put("POST /api/policy-packs/apply", json(SAFETY_OFFICE, "{}"));
        rows.put("POST /api/policy-packs/bundled/{id}/preview", plain(SAFETY_OFFICE));
        rows.put("POST /api/policy-packs/bundled/{id}/apply", plain(SAFETY_OFFICE));
        rows.put("POST /api/policy-packs/{installId}/rollback", plain(SAFETY_OFFICE));

        // Standards configuration center: the safety office reads and overrides thresholds.
        rows.put("GET /api/standards", plain(SAFETY_OFFICE));
        rows.put("GET /api/standards/{ruleset}/{threshold}", plain(SAFETY_OFFICE));
        rows.put("PUT /api/standards/{ruleset}/{threshold}", json(SAFETY_OFFICE, "{}"));
        rows.put("DELETE /api/standards/{ruleset}/{threshold}", query(SAFETY_OFFICE, "reason=test"));

        // Badge, profile and assessments
        rows.put("GET /api/persons/{personId}/profile-token", plain(BADGE_MANAGERS));
        rows.put("POST /api/persons/{personId}/profile-token", plain(BADGE_MANAGERS));
        rows.put("DELETE /api/persons/{personId}/profile-token", plain(BADGE_MANAGERS));
        rows.put("GET /api/person-profiles/{token}", plain(PERSON_READERS));
        rows.put("POST /api/persons/{personId}/assessments", json(ASSESSMENT_RECORDERS, """
                {"kind":"PRACTICAL","item":"熔化焊接与热切割作业","heldOn":"2026-01-05","result":"PASSED",
                 "assessor":"张考评"}"""));
        rows.put("GET /api/persons/{personId}/assessments", plain(PERSON_READERS));
        rows.put("POST /api/assessments/{assessmentId}/clips", new Row(ASSESSMENT_RECORDERS,
                "fileName=a.mp4&consent=true", "video/mp4", ProfileFixture.mp4(100)));
        rows.put("GET /api/assessment-clips/{clipId}/content", plain(PERSON_READERS));
        rows.put("POST /api/assessment-clips/{clipId}/consent-withdrawal", plain(ASSESSMENT_RECORDERS));
        rows.put("DELETE /api/assessment-clips/{clipId}", plain(ASSESSMENT_RECORDERS));

        // Persons, certificates and the ledger
        rows.put("GET /api/persons", plain(PERSON_READERS));
        rows.put("GET /api/persons/{id}", plain(PERSON_READERS));
        rows.put("GET /api/certificates", plain(PERSON_READERS));

        // The counts per state are on every user's home page.
        rows.put("GET /api/certificates/counts", plain(ALL));
        rows.put("POST /api/roster/imports", multipart(LEDGER_KEEPERS));
        rows.put("GET /api/roster/imports/{batchId}/errors.{format}", plain(LEDGER_KEEPERS));

        // Queries
        rows.put("POST /api/query", json(SAFETY_OFFICE, "{\"sql\":\"select * from work_order\"}"));
        rows.put("GET /api/query/{key}", plain(SAFETY_OFFICE));

        // Records: every user reads, as on the 记录 pages; the safety office and administrators write.
        rows.put("GET /api/records/{entity}", plain(ALL));
        rows.put("GET /api/records/{entity}/{id}", plain(ALL));
        rows.put("POST /api/records/{entity}", json(SAFETY_OFFICE, "{\"data\":{}}"));
        rows.put("PUT /api/records/{entity}/{id}", json(SAFETY_OFFICE, "{\"data\":{},\"rowVersion\":1}"));
        rows.put("DELETE /api/records/{entity}/{id}", plain(SAFETY_OFFICE));

        // Verification and warnings
        rows.put("POST /api/verification/runs", plain(LEDGER_KEEPERS));
        rows.put("GET /api/verification/runs", plain(LEDGER_KEEPERS));
        rows.put("GET /api/verification/runs/{runId}/changes", plain(LEDGER_KEEPERS));
        rows.put("GET /api/verification/runs/{runId}/mismatches", plain(LEDGER_KEEPERS));
        rows.put("GET /api/persons/{personId}/warnings", plain(PERSON_READERS));

        // The test-only endpoint of SecurityRulesTest
        rows.put("GET /api/test/whoami", plain(ALL));
        rows.put("POST /api/test/whoami", plain(ALL));
        return rows;
    }

    private static Row plain(Set<Role> allowed) {
        return new Row(allowed, "", null, null);
    }

    private static Row query(Set<Role> allowed, String query) {
        return new Row(allowed, query, null, null);
    }

    private static Row json(Set<Role> allowed, String body) {
        return new Row(allowed, "", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a ledger upload of one text line, which an allowed caller gets back as a file without a header row. */
    private static Row multipart(Set<Role> allowed) {
        String boundary = "matrix-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"台账.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n姓名\r\n--" + boundary + "--\r\n";
        return new Row(allowed, "", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }
}

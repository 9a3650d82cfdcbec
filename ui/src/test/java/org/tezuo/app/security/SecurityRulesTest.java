package org.tezuo.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Security rules over real HTTP: login page, form login and its new session id, HTTP Basic on the API, public paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityRulesTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcClient jdbc;

    private CurrentUser engineer;
    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void createUser() {
        long tenantId = tenants.create("sec-" + UUID.randomUUID(), "安全测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        engineer = accounts.create(tenantId, "eng-" + UUID.randomUUID(), PASSWORD, "王工",
                Set.of("SAFETY_ENGINEER", "WORK_LEADER"), null, null);
        cookies = new CookieManager();
        browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    void loginPageIsPublic() throws Exception {
        HttpResponse<String> response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<meta name=\"_csrf\"");
    }

    @Test
    void homeRedirectsAnonymousToLogin() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void formLoginWithCreatedUserSucceeds() throws Exception {
        HttpResponse<String> response = login(engineer.username(), PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Signing in replaces the session id, and the id from before no longer authenticates")
    void loginReplacesSessionId() throws Exception {
        get("/login");
        String beforeLogin = sessionId();

        login(engineer.username(), PASSWORD);
        String afterLogin = sessionId();

        assertThat(beforeLogin).isNotBlank();
        assertThat(afterLogin).isNotBlank().isNotEqualTo(beforeLogin);
        assertThat(getWithSessionId("/api/test/whoami", beforeLogin).statusCode()).isEqualTo(401);
        assertThat(getWithSessionId("/", beforeLogin).statusCode()).isEqualTo(302);
        assertThat(getWithSessionId("/api/test/whoami", afterLogin).statusCode()).isEqualTo(200);
    }

    @Test
    void formLoginWithWrongPasswordIsRejected() throws Exception {
        HttpResponse<String> response = login(engineer.username(), "wrong-" + PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void formLoginOfDisabledUserIsRejected() throws Exception {
        accounts.setEnabled(engineer.tenantId(), engineer.username(), false);

        HttpResponse<String> response = login(engineer.username(), PASSWORD);

        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void postWithoutCsrfTokenIsForbiddenOutsideApi() throws Exception {
        login(engineer.username(), PASSWORD);

        HttpResponse<String> response = post("/logout", "");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void apiWithoutCredentialsIsUnauthorized() throws Exception {
        HttpResponse<String> response = get("/api/test/whoami");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void apiWithBasicReturnsUserAndRoleAuthorities() throws Exception {
        HttpResponse<String> response = getWithBasic("/api/test/whoami", engineer.username(), PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"ROLE_SAFETY_ENGINEER\",\"ROLE_WORK_LEADER\"]")
                .contains("\"tenantId\":" + engineer.tenantId())
                .contains("\"userId\":" + engineer.userId())
                .contains("\"displayName\":\"王工\"");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void apiWithWrongBasicPasswordIsUnauthorized() throws Exception {
        HttpResponse<String> response = getWithBasic("/api/test/whoami", engineer.username(), "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void apiAcceptsLoginSession() throws Exception {
        login(engineer.username(), PASSWORD);

        HttpResponse<String> response = get("/api/test/whoami");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"" + engineer.username() + "\"");
    }

    @Test
    void fiveWrongPasswordsLockAccount() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(getWithBasic("/api/test/whoami", engineer.username(), "wrong-" + attempt).statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> rightPassword = getWithBasic("/api/test/whoami", engineer.username(), PASSWORD);
        HttpResponse<String> formLogin = login(engineer.username(), PASSWORD);

        assertThat(rightPassword.statusCode()).isEqualTo(401);
        assertThat(formLogin.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void successfulLoginResetsFailureCount() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            getWithBasic("/api/test/whoami", engineer.username(), "wrong-" + attempt);
        }
        assertThat(getWithBasic("/api/test/whoami", engineer.username(), PASSWORD).statusCode()).isEqualTo(200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            getWithBasic("/api/test/whoami", engineer.username(), "wrong-" + attempt);
        }

        HttpResponse<String> response = getWithBasic("/api/test/whoami", engineer.username(), PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUserNamesAreNotCounted() throws Exception {
        for (int attempt = 1; attempt <= 6; attempt++) {
            getWithBasic("/api/test/whoami", "nobody-" + engineer.username(), "wrong");
        }

        Long rows = jdbc.sql("select count(*) from login_failure where username = ?")
                .param("nobody-" + engineer.username())
                .query(Long.class)
                .single();

        assertThat(rows).isZero();
    }

    @Test
    void apiWriteWithSessionNeedsCsrfToken() throws Exception {
        login(engineer.username(), PASSWORD);

        HttpResponse<String> response = post("/api/test/whoami", "");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void apiWriteWithSessionAndCsrfTokenPasses() throws Exception {
        login(engineer.username(), PASSWORD);
        Matcher csrf = CSRF_META.matcher(get("/").body());
        assertThat(csrf.find()).as("CSRF meta tag on the signed-in page").isTrue();

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/api/test/whoami"))
                .header("X-CSRF-TOKEN", csrf.group(1))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void apiWriteWithBasicNeedsNoCsrfToken() throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString((engineer.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        uri("/api/test/whoami"))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void openApiAndSwaggerArePublic() throws Exception {
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void ePermitAndStubPathsSkipLogin() throws Exception {
        HttpResponse<String> ePermit = get("/e-permit/unknown");
        HttpResponse<String> stub = post("/stub/unknown", "a=b");

        assertThat(ePermit.statusCode()).isNotIn(302, 401, 403);
        assertThat(stub.statusCode()).isNotIn(302, 401, 403);
    }

    @Test
    @DisplayName("Unknown page sends anonymous to login and signed-in users to Vaadin")
    void unknownPageIsNotFoundAfterLogin() throws Exception {
        HttpResponse<String> anonymous = get("/no-such-page");
        login(engineer.username(), PASSWORD);
        HttpResponse<String> signedIn = get("/no-such-page");
        HttpResponse<String> actuator = get("/actuator/env");

        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        // Vaadin returns its page shell, whose first navigation renders the localized not-found view.
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(actuator.statusCode()).isEqualTo(403);
    }

    @Test
    void unknownRoleCodeIsRejected() {
        assertThatThrownBy(() -> accounts.create(engineer.tenantId(), "x-" + UUID.randomUUID(), PASSWORD, "李四",
                Set.of("SAFETY_OFFICER"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown role code \"SAFETY_OFFICER\"; use one of SYSTEM_ADMIN, SAFETY_DIRECTOR, "
                        + "SAFETY_ENGINEER, UNIT_HEAD, TEAM_LEADER, HRBP, WORK_LEADER, WORKER");
    }

    @Test
    void storedPasswordIsBcryptHash() {
        String hash = jdbcPasswordHash(engineer.username());

        assertThat(hash).startsWith("{bcrypt}$2");
    }

    private String jdbcPasswordHash(String username) {
        return jdbc.sql("select password_hash from app_user where username = ?").param(username)
                .query(String.class).single();
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login");
        Matcher csrf = CSRF_META.matcher(page.body());
        assertThat(csrf.find()).as("CSRF meta tag on the login page").isTrue();
        return post("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    /** Sends a GET carrying only the session cookie {@code sessionId}, as a browser that was handed it would. */
    private HttpResponse<String> getWithSessionId(String path, String sessionId)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Cookie", "JSESSIONID=" + sessionId)
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getWithBasic(String path, String username, String password)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials)
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

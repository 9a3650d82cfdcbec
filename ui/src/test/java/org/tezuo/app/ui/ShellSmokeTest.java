package org.tezuo.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Chromium at phone size (375×812) against the running application: login, home page in Chinese, the
 * persons list and a person's certificates, and "not found" for a person of another tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShellSmokeTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);

    private static Path profileDirectory;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    private String username;
    private Person frozenWelder;
    private Person otherTenantPerson;

    @BeforeAll
    static void startBrowser() throws IOException {
        profileDirectory = Files.createTempDirectory("tezuo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", "--user-data-dir=" + profileDirectory);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(375, 812));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profileDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void seedTenant() {
        long tenantId = tenants.create("ui-" + UUID.randomUUID(), "冒烟测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        username = "smoke-" + UUID.randomUUID();
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY,
                json.readTree(getClass().getResourceAsStream(
                        "/org/tezuo/packs/special-operations/certificate-lifecycle.ruleset.json")), "smoke");
        accounts.create(tenantId, username, PASSWORD, "张安全", Set.of("SAFETY_ENGINEER"), null, null);

        frozenWelder = qualifications.upsertPerson(tenantId,
                new PersonData("李焊工", "男", "110101199003071234", "维修车间", "焊工"));
        Certificate expired = qualifications.upsertCertificate(tenantId, frozenWelder.id(), new CertificateData("T110101199003071234",
                "焊接与热切割作业", "熔化焊接与热切割作业", LocalDate.of(2019, 3, 5), DatePrecision.DAY,
                LocalDate.of(2019, 3, 5), LocalDate.of(2025, 3, 4), DatePrecision.DAY, LocalDate.of(2022, 3, 4),
                null, "北京市应急管理局"), CertificateState.EXPIRED);
        qualifications.setPermitFreeze(tenantId, frozenWelder.id(), true, "证书 T110101199003071234 已过期");
        jdbc.sql("""
                insert into certificate_freeze (tenant_id, person_id, certificate_id, rule_id, reason, frozen_at)
                values (?, ?, ?, 'freeze-0', '证书 T110101199003071234 已过期', ?)""")
                .params(tenantId, frozenWelder.id(), expired.id(), Timestamp.from(Instant.parse("2025-03-04T16:00:00Z")))
                .update();

        long otherTenantId = tenants.create("ui-" + UUID.randomUUID(), "另一企业", null, ZoneId.of("Asia/Shanghai"))
                .id();
        otherTenantPerson = qualifications.upsertPerson(otherTenantId,
                new PersonData("王外单位", "男", "110101198001011111", "外单位", "电工"));
    }

    @Test
    void loginShowsChineseHomeAndPersonsOnPhone() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));

        waitFor(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
        WebElement greeting = waitFor(By.id("home-greeting"));

        assertThat(greeting.getText()).isEqualTo("张安全，您好");
        assertThat(waitFor(By.cssSelector("#certificate-counts [data-state='EXPIRED']")).getText())
                .contains("已过期").contains("1");
        assertThat(waitFor(By.cssSelector("#permit-counts [data-status='ISSUED']")).getText())
                .contains("已签发").contains("0");
        assertThat(pageWidth()).isLessThanOrEqualTo(375);
        screenshot("home");

        browser.get(url("/persons"));
        waitFor(By.id("persons-grid"));
        assertThat(waitForText(By.id("persons-grid"), "李焊工").getText()).contains("1101**********1234");
        screenshot("persons");

        browser.get(url("/persons/" + frozenWelder.id()));
        assertThat(waitFor(By.id("freeze-notice")).getText()).contains("冻结原因：证书 T1101**********1234 已过期");
        assertThat(waitFor(By.id("freeze-detail")).getText()).isEqualTo("证书 T1101**********1234（熔化焊接与热切割作业），"
                + "预警规则 失效当天冻结作业票提交并收回门禁权限，自 2025-03-05 00:00 起冻结；门禁权限未收回");
        assertThat(browser.getPageSource()).doesNotContain("110101199003071234");
        assertThat(waitFor(By.cssSelector("[data-certificate='T1101**********1234']")).getText())
                .contains("已过期").contains("2025-03-04").contains("尚未核验")
                .contains("复审申请起始日\n2022-01-03");
        assertThat(pageWidth()).isLessThanOrEqualTo(375);
        screenshot("person-detail");

        browser.get(url("/persons/" + otherTenantPerson.id()));
        assertThat(waitFor(By.id("person-not-found")).getText()).startsWith("未找到该人员");
        assertThat(browser.getPageSource()).doesNotContain("王外单位");
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private WebElement waitForText(By locator, String text) {
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(locator,
                text));
        return browser.findElement(locator);
    }

    /** Returns the document's scroll width in CSS pixels; above the window width means sideways scrolling. */
    private long pageWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
    }

    /** Saves the window to target/smoke-screenshots for a person to look at; the test does not compare it. */
    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "smoke-screenshots"));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(directory.resolve(name + ".png"), png);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

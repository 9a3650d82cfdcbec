package org.tezuo.app.ui.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.verification.CertificateVerifier;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verification-run screen in headless Chromium after two runs against the loopback registry stub: the first
 * run adopted the review the registry recorded, and both found the certificate item different from the ledger. Opening
 * the older run shows its change and its mismatch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationRunsBrowserTest {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Anquan-2026";
    private static final String ID_NUMBER = "320102198805051236";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static RegistryStubServer registry;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    CertificateVerifier verifier;

    @Autowired
    JsonMapper json;

    private String engineer;
    private VerificationRun first;

    @BeforeAll
    static void startRegistryAndBrowser() throws IOException {
        registry = RegistryStubServer.start(0);
        chromium = HeadlessChromium.start("zh-CN", new Dimension(1400, 1000));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopRegistryAndBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void twoRuns() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("verify-ui-" + suffix, "核验浏览器测试企业",
                "lng-terminal", SHANGHAI, "test");
        long tenantId = installation.tenant().id();
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "certificate-registry", json.readTree(
                "{\"type\": \"certificate-registry\", \"baseUrl\": \"" + registry.baseUrl() + "\"}"), "test");
        engineer = "engineer-" + suffix;
        accounts.create(tenantId, engineer, PASSWORD, "安全工程师", Set.of("SAFETY_ENGINEER"),
                installation.orgUnitIds().get("HQ"), null);

        Person holder = qualifications.upsertPerson(tenantId, new PersonData("王芳", "女", ID_NUMBER, "电仪车间", "电工"));
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate ledgerValidUntil = today.plusYears(4);
        Certificate certificate = qualifications.upsertCertificate(tenantId, holder.id(), new CertificateData(
                "T" + ID_NUMBER, "电工作业", "低压电工作业", ledgerValidUntil.minusYears(6), DatePrecision.DAY,
                ledgerValidUntil.minusYears(6).plusDays(1), ledgerValidUntil, DatePrecision.DAY,
                today.plusDays(20), null, "某市应急管理局"), CertificateState.VALID);
        // The registry shows a review done five days ago, so the first run adopts its dates; the item differs.
        registry.put(ID_NUMBER, new RegistryCertificateRecord(certificate.certNumber(), "王芳", "女", "电工作业",
                "高压电工作业", certificate.firstIssuedOn(), certificate.validFrom(), ledgerValidUntil.plusYears(1),
                today.plusYears(3), today.minusDays(5), "某市应急管理局", "有效"));
        first = verifier.verifyTenant(tenantId, "first-run");
        verifier.verifyTenant(tenantId, "second-run");
    }

    @Test
    @DisplayName("Older run opens with its change and mismatch")
    void runOpensWithChangesAndMismatches() {
        chromium.signIn(url("/login"), engineer, PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/verification-runs"));
        waitForCell("verification-runs", "first-run");

        assertThat(cellTexts("verification-runs")).contains("second-run");
        assertThat(first.changed()).as("the first run adopted the registry's review").hasSize(1);

        new WebDriverWait(browser, RENDER_TIMEOUT).ignoring(StaleElementReferenceException.class).until(driver -> {
            chromium.click(waitForCell("verification-runs", "first-run"));
            return true;
        });
        waitForCell("verification-changes", "T3201**********1236");

        assertThat(cellTexts("verification-changes")).contains("T3201**********1236");
        assertThat(String.join(" ", cellTexts("verification-changes"))).contains("→", "实际复审日期", "有效期结束日期");
        assertThat(cellTexts("verification-mismatches")).contains("T3201**********1236", "操作项目", "低压电工作业",
                "高压电工作业");
    }

    /** Waits until the grid {@code gridId} shows a cell with exactly {@code text}, and returns that cell. */
    private WebElement waitForCell(String gridId, String text) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver
                .findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().strip().equals(text)).findFirst().orElse(null));
    }

    private List<String> cellTexts(String gridId) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"))
                        .stream().map(WebElement::getText).map(String::strip).toList());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

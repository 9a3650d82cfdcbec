package org.tezuo.app.ui.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.lifecycle.PostAbsence;
import org.tezuo.core.qualification.lifecycle.PostAbsenceStore;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lifecycle steps of the person page in headless Chromium. A certificate administrator revokes a certificate,
 * first without a reason, which is rejected and saves nothing, and then with one, which freezes the holder. An HRBP
 * records leaving the post, a return dated before the leave (rejected, nothing saved), the return and the re-exam.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonLifecycleBrowserTest {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Anquan-2026";
    private static final String ID_NUMBER = "320102198805061234";

    private static HeadlessChromium chromium;
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
    PostAbsenceStore absences;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    private long tenantId;
    private String admin;
    private String hrbp;
    private Person welder;
    private Certificate certificate;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", new Dimension(1280, 900));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void seedTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = tenants.create("life-ui-" + suffix, "生命周期测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY,
                json.readTree(getClass().getResourceAsStream(
                        "/org/tezuo/packs/special-operations/certificate-lifecycle.ruleset.json")), "test");
        admin = "admin-" + suffix;
        hrbp = "hrbp-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), null, null);
        accounts.create(tenantId, hrbp, PASSWORD, "人事伙伴", Set.of("HRBP"), null, null);
        welder = qualifications.upsertPerson(tenantId, new PersonData("王焊工", "男", ID_NUMBER, "维修车间", "焊工"));
        certificate = qualifications.upsertCertificate(tenantId, welder.id(), new CertificateData("T" + ID_NUMBER,
                "焊接与热切割作业", "熔化焊接与热切割作业", LocalDate.of(2020, 3, 1), DatePrecision.DAY,
                LocalDate.of(2024, 3, 1), LocalDate.of(2030, 2, 28), DatePrecision.DAY, LocalDate.of(2027, 3, 1), null,
                "南京市应急管理局"), CertificateState.VALID);
    }

    @Test
    @DisplayName("Revoking needs a reason, and a revocation with one freezes the holder")
    void revokeWithReason() {
        chromium.signIn(url("/login"), admin, PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/persons/" + welder.id()));
        chromium.click(waitFor(By.id("revoke-" + certificate.id())));
        waitFor(By.id("lifecycle-reason"));

        chromium.click(waitFor(By.id("lifecycle-confirm")));
        waitForText(By.id("lifecycle-error"), "须填写原因");

        assertThat(waitFor(By.id("lifecycle-error")).getText()).isEqualTo("将证书 T3201**********1234 设为“已撤销（吊销）”"
                + "须填写原因（如发证机关文书编号）；请填写原因后重试");
        assertThat(storedCertificate().state()).isEqualTo(CertificateState.VALID);

        waitFor(By.cssSelector("#lifecycle-reason textarea")).sendKeys("南京市应急管理局撤销决定书〔2026〕5号", Keys.TAB);
        chromium.click(waitFor(By.id("lifecycle-confirm")));
        waitForText(By.id("freeze-notice"), "已被撤销");

        Certificate revoked = storedCertificate();
        assertThat(revoked.state()).isEqualTo(CertificateState.REVOKED);
        assertThat(revoked.stateReason()).isEqualTo("南京市应急管理局撤销决定书〔2026〕5号");
        assertThat(qualifications.findPerson(tenantId, welder.id()).orElseThrow().permitFrozen()).isTrue();
        WebElement card = waitFor(By.cssSelector("[data-certificate-id='" + certificate.id() + "']"));
        assertThat(card.findElement(By.cssSelector("[data-state]")).getDomAttribute("data-state"))
                .isEqualTo("REVOKED");
        assertThat(card.getText()).contains("南京市应急管理局撤销决定书〔2026〕5号", "特种作业操作证");
        assertThat(browser.findElements(By.id("revoke-" + certificate.id()))).isEmpty();
        assertThat(waitFor(By.id("freeze-detail")).getText()).contains("失效当天冻结作业票提交并收回门禁权限");
    }

    @Test
    @DisplayName("Leave and return are recorded, and a return before the leave is rejected")
    void leaveAndReturn() {
        chromium.signIn(url("/login"), hrbp, PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/persons/" + welder.id()));
        assertThat(waitFor(By.id("absence-summary")).getText()).isEqualTo("没有离岗记录。");
        assertThat(browser.findElements(By.id("revoke-" + certificate.id()))).as("HRBP cannot revoke").isEmpty();

        recordDate("absence-leave", "2026-01-10");
        waitForText(By.id("absence-summary"), "2026-01-10");
        recordDate("absence-return", "2026-01-05");
        waitForText(By.id("lifecycle-error"), "早于离岗日期");

        assertThat(waitFor(By.id("lifecycle-error")).getText())
                .isEqualTo("王焊工 的返岗日期 2026-01-05 早于离岗日期 2026-01-10；请核对返岗日期");
        assertThat(latestAbsence().returnedOn()).isNull();

        chromium.replaceText(LifecycleDialog.DATE_ID, "2026-08-01", RENDER_TIMEOUT);
        chromium.click(waitFor(By.id("lifecycle-confirm")));
        waitForText(By.id("absence-summary"), "返岗：2026-08-01");

        assertThat(latestAbsence().returnedOn()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(waitFor(By.id("absence-reexam-needed")).getText()).startsWith("离岗已满 6 个月，须重新通过实际操作考试");

        recordDate("absence-reexam", "2026-08-05");
        waitForText(By.id("absence-summary"), "考试合格：2026-08-05");

        assertThat(latestAbsence().reexamPassedOn()).isEqualTo(LocalDate.of(2026, 8, 5));
        assertThat(browser.findElements(By.id("absence-reexam-needed"))).isEmpty();
    }

    /** Opens the dialog of {@code buttonId}, enters {@code date} and confirms. */
    private void recordDate(String buttonId, String date) {
        // The dialog of the previous step must be gone, or its date field would be found instead of the new one.
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.numberOfElementsToBe(
                By.id("lifecycle-confirm"), 0));
        chromium.click(waitFor(By.id(buttonId)));
        waitFor(By.id(LifecycleDialog.DATE_ID));
        chromium.replaceText(LifecycleDialog.DATE_ID, date, RENDER_TIMEOUT);
        chromium.click(waitFor(By.id("lifecycle-confirm")));
    }

    private Certificate storedCertificate() {
        return qualifications.findCertificate(tenantId, certificate.id()).orElseThrow();
    }

    private PostAbsence latestAbsence() {
        return absences.latest(tenantId, welder.id()).orElseThrow();
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitForText(By locator, String text) {
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(locator,
                text));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

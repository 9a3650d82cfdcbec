package org.tezuo.app.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.profile.ProfileFixture;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.profile.AssessmentClip;
import org.tezuo.core.qualification.profile.AssessmentClips;
import org.tezuo.core.qualification.profile.AssessmentKind;
import org.tezuo.core.qualification.profile.AssessmentRecord;
import org.tezuo.core.qualification.profile.AssessmentRecords;
import org.tezuo.core.qualification.profile.AssessmentResult;
import org.tezuo.templates.TemplateInstaller;

/**
 * The QR badge and the profile page it opens, in headless Chromium at a phone's window size. The badge shows the
 * masked ID number and a QR code of the profile URL. Scanning it while signed out leads through the login page to
 * the profile. The profile lists the certificate with its authenticity, the assessment and only the consented
 * clip, whose player fetches ranges of the video with the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonProfileBrowserTest {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    AssessmentRecords records;

    @Autowired
    AssessmentClips clips;

    @Autowired
    JdbcClient jdbc;

    private ProfileFixture company;
    private AssessmentClip shown;
    private AssessmentClip withdrawn;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", new Dimension(412, 915));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void createPersonWithAssessment() {
        company = ProfileFixture.create(installer, accounts, qualifications, jdbc);
        AssessmentRecord record = records.record(company.tenantId, company.hrbp, company.personId,
                new AssessmentRecords.NewAssessment(AssessmentKind.PRACTICAL, "熔化焊接与热切割作业",
                        LocalDate.of(2026, 11, 20), AssessmentResult.PASSED, "张考评", "平焊、立焊各一件"));
        shown = clips.upload(company.tenantId, company.hrbp, record.id(), true, "平焊.mp4", "video/mp4", null,
                new ByteArrayInputStream(ProfileFixture.mp4(20_000)));
        withdrawn = clips.upload(company.tenantId, company.hrbp, record.id(), true, "立焊.mp4", "video/mp4", null,
                new ByteArrayInputStream(ProfileFixture.mp4(20_000)));
        clips.withdrawConsent(company.tenantId, withdrawn.id(), company.hrbp);
    }

    @Test
    void badgeQrOpensProfileAfterSignIn() {
        chromium.signIn(url("/login"), company.admin, ProfileFixture.PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/persons/" + company.personId + "/badge"));
        WebElement qr = waitFor(By.id("badge-qr"));
        String profileUrl = qr.getDomAttribute("data-url");
        String badgeText = waitFor(By.id("person-badge")).getText();

        assertThat(profileUrl).startsWith(url("/profile/"));
        assertThat(badgeText).contains("王焊工", "维修车间", "3201**********1234")
                .doesNotContain(ProfileFixture.ID_NUMBER);

        browser.manage().deleteAllCookies();
        browser.get(profileUrl);
        waitFor(By.name("username")).sendKeys(company.admin);
        browser.findElement(By.name("password")).sendKeys(ProfileFixture.PASSWORD, Keys.ENTER);
        waitForText(By.id("profile-name"), "王焊工");

        assertThat(browser.getCurrentUrl()).startsWith(profileUrl);
        assertThat(waitFor(By.id("profile-id-number")).getText()).contains("3201**********1234");
        WebElement certificate = waitFor(By.cssSelector(".tezuo-profile-certificate"));
        assertThat(certificate.getText()).contains("熔化焊接与热切割作业", ProfileFixture.CERT_NUMBER, "有效",
                "真实性：真实", "2026-12-01 09:00");
        assertThat(certificate.findElement(By.cssSelector("[data-authenticity]")).getDomAttribute("data-authenticity"))
                .isEqualTo("AUTHENTIC");
        assertThat(waitFor(By.id("profile-assessments")).getText()).contains("实操考核", "合格", "张考评");
        List<WebElement> players = browser.findElements(By.cssSelector(".tezuo-profile-clip"));
        assertThat(players).extracting(player -> player.getDomAttribute("data-clip"))
                .containsExactly(String.valueOf(shown.id()));
        String source = players.get(0).findElement(By.tagName("video")).getDomProperty("src");
        assertThat(source).isEqualTo(url("/api/assessment-clips/" + shown.id() + "/content"));
        assertThat(rangeStatus(source)).isEqualTo("206 bytes 0-9/" + shown.sizeBytes());
        assertThat(waitFor(By.id("assessment-form")).isDisplayed()).isTrue();
    }

    @Test
    void profileMasksCertificateNumberForHrbp() {
        chromium.signIn(url("/login"), company.admin, ProfileFixture.PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/persons/" + company.personId + "/badge"));
        String profileUrl = waitFor(By.id("badge-qr")).getDomAttribute("data-url");
        chromium.signIn(url("/login"), company.hrbp, ProfileFixture.PASSWORD, RENDER_TIMEOUT);

        browser.get(profileUrl);
        waitForText(By.id("profile-name"), "王焊工");

        WebElement certificate = waitFor(By.cssSelector(".tezuo-profile-certificate"));
        assertThat(certificate.getText()).contains("T3201**********1234", "特种作业操作证");
        assertThat(certificate.getDomAttribute("data-certificate")).isEqualTo("T3201**********1234");
        assertThat(browser.getPageSource()).doesNotContain(ProfileFixture.ID_NUMBER);
    }

    @Test
    @DisplayName("Badge prints the profile address under the QR code on an A6 page")
    void badgeShowsAddressAndPrintsOnA6() {
        chromium.signIn(url("/login"), company.admin, ProfileFixture.PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/persons/" + company.personId + "/badge"));
        String profileUrl = waitFor(By.id("badge-qr")).getDomAttribute("data-url");
        WebElement address = waitFor(By.id("badge-url"));

        assertThat(address.getText()).isEqualTo(profileUrl);
        assertThat(address.getLocation().getY()).as("under the QR code")
                .isGreaterThan(browser.findElement(By.id("badge-qr")).getLocation().getY());
        assertThat(printPageRules()).as("A6 portrait is 105 mm by 148 mm").singleElement().asString()
                .contains("size: 105mm 148mm");
    }

    /** Returns the text of every {@code @page} rule inside an {@code @media print} rule of the page's style sheets. */
    @SuppressWarnings("unchecked")
    private List<String> printPageRules() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const sizes = [];
                for (const sheet of document.styleSheets) {
                  let rules;
                  try { rules = sheet.cssRules; } catch (e) { continue; }
                  for (const rule of rules) {
                    if (rule instanceof CSSMediaRule && rule.media.mediaText.includes('print')) {
                      for (const inner of rule.cssRules) {
                        if (inner instanceof CSSPageRule) {
                          sizes.push(inner.cssText);
                        }
                      }
                    }
                  }
                }
                return sizes;""");
    }

    @Test
    void revokedBadgeShowsNothing() {
        chromium.signIn(url("/login"), company.admin, ProfileFixture.PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/persons/" + company.personId + "/badge"));
        String profileUrl = waitFor(By.id("badge-qr")).getDomAttribute("data-url");

        chromium.click(waitFor(By.id("badge-revoke")));
        waitFor(By.id("badge-revoked"));
        browser.get(profileUrl);

        assertThat(waitFor(By.id("profile-not-found")).getText()).isEqualTo("这张胸卡的二维码已被撤销，不能再查看人员信息。");
        assertThat(browser.findElements(By.id("profile-name"))).isEmpty();
    }

    /** Fetches the first ten bytes of {@code source} in the page, with its session, as a video player does. */
    private String rangeStatus(String source) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {headers: {Range: 'bytes=0-9'}})
                    .then(r => done(r.status + ' ' + r.headers.get('Content-Range')))
                    .catch(e => done(String(e)));""", source);
        return String.valueOf(result);
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

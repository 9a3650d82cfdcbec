package org.tezuo.app.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
import org.tezuo.core.qualification.profile.ProfileTokens;
import org.tezuo.templates.TemplateInstaller;

/**
 * Badge links that open nothing, on a phone in headless Chromium: a worker who scans a badge, unknown, revoked and
 * cut-off tokens, addresses under /profile that no view serves, and an unknown address of the app. Each gets a
 * page in Chinese, or in English after the language switch, that explains what happened and what to do, never
 * Vaadin's "Could not navigate".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfileErrorPagesBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String VAADIN_ERROR = "Could not navigate";

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
    ProfileTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private ProfileFixture company;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", new Dimension(360, 740));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void createCompany() {
        company = ProfileFixture.create(installer, accounts, qualifications, jdbc);
    }

    @Test
    @DisplayName("Worker scanning a badge signed out gets a Chinese explanation after login")
    void workerScanGetsExplanation() throws IOException {
        String profileUrl = url("/profile/" + tokens.issue(company.tenantId, company.personId, company.admin).token());
        browser.manage().deleteAllCookies();

        browser.get(profileUrl);
        waitFor(By.name("username")).sendKeys(company.worker);
        browser.findElement(By.name("password")).sendKeys(ProfileFixture.PASSWORD, Keys.ENTER);
        WebElement reason = waitFor(By.id("problem-profile-forbidden"));
        screenshot("profile-forbidden-phone");

        assertThat(reason.getText()).startsWith("您的账号（李强）不能查看人员档案。");
        assertThat(waitFor(By.id("problem-profile-forbidden-next")).getText())
                .startsWith("如需核对作业人员资格，请扫描作业票上的电子作业票二维码");
        assertThat(pageText()).contains("无权查看人员档案").doesNotContain(VAADIN_ERROR).doesNotContain("王焊工");

        chromium.click(waitFor(By.id("language-en")));
        waitForText(By.id("problem-profile-forbidden"), "Your account (李强) cannot view person profiles.");
        assertThat(pageText()).contains("No access to person profiles").doesNotContain(VAADIN_ERROR);
    }

    @Test
    @DisplayName("Unknown, revoked and cut-off tokens each say what happened")
    void badTokensExplainThemselves() {
        chromium.signIn(url("/login"), company.admin, ProfileFixture.PASSWORD, TIMEOUT);
        String revoked = tokens.issue(company.tenantId, company.personId, company.admin).token();
        tokens.revoke(company.tenantId, company.personId, company.admin);

        browser.get(url("/profile/" + "A".repeat(43)));
        String unknown = waitFor(By.id("profile-not-found")).getText();
        String unknownNext = waitFor(By.id("profile-not-found-next")).getText();
        String unknownPage = pageText();
        browser.get(url("/profile/" + revoked));
        waitForText(By.id("profile-not-found"), "已被撤销");
        String revokedText = waitFor(By.id("profile-not-found")).getText();
        browser.get(url("/profile/" + revoked.substring(0, 20)));
        waitForText(By.id("profile-not-found"), "不是完整的胸卡二维码地址");
        String cutOffNext = waitFor(By.id("profile-not-found-next")).getText();
        String cutOffPage = pageText();

        assertThat(unknown).isEqualTo("这个二维码无效：它已被撤销、已重新生成，或不属于您的企业。");
        assertThat(unknownNext).startsWith("请向系统管理员或 HRBP 索取新胸卡");
        assertThat(unknownPage).contains("无法打开人员档案").doesNotContain(VAADIN_ERROR).doesNotContain("王焊工");
        assertThat(revokedText).isEqualTo("这张胸卡的二维码已被撤销，不能再查看人员信息。");
        assertThat(cutOffNext).startsWith("请对准胸卡上的二维码重新扫描");
        assertThat(cutOffPage).doesNotContain(VAADIN_ERROR).doesNotContain("王焊工");
    }

    @Test
    @DisplayName("Unknown addresses under /profile and elsewhere get localized pages")
    void unknownAddressesAreLocalized() {
        chromium.signIn(url("/login"), company.admin, ProfileFixture.PASSWORD, TIMEOUT);

        browser.get(url("/profile"));
        String bare = waitFor(By.id("problem-profile-link")).getText();
        browser.get(url("/profile/abc/def"));
        waitForText(By.id("problem-profile-link"), "不是完整的人员胸卡二维码链接");
        String nested = pageText();
        browser.get(url("/no-such-page"));
        String elsewhere = waitFor(By.id("problem-not-found")).getText();
        String elsewhereNext = waitFor(By.id("problem-not-found-next")).getText();

        assertThat(bare).isEqualTo("这个地址不是完整的人员胸卡二维码链接，可能二维码只扫描了一部分，或复制链接时被截断。");
        assertThat(nested).contains("胸卡链接不完整").doesNotContain(VAADIN_ERROR);
        assertThat(elsewhere).isEqualTo("没有地址为 /no-such-page 的页面，可能是链接输入有误，或页面已经移走。");
        assertThat(elsewhereNext).isEqualTo("请检查地址，或返回首页从菜单进入。");
        assertThat(pageText()).contains("页面不存在", "返回首页").doesNotContain(VAADIN_ERROR);

        chromium.click(waitFor(By.id("language-en")));
        waitForText(By.id("problem-not-found"), "There is no page at /no-such-page");
        assertThat(pageText()).contains("Page not found", "Back to the home page").doesNotContain(VAADIN_ERROR);
        chromium.click(waitFor(By.id("problem-home")));
        waitFor(By.id("home-greeting"));
    }

    /** Saves the window to target/notice-screenshots for a person to look at; the test does not compare it. */
    private static void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "notice-screenshots"));
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitForText(By locator, String text) {
        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

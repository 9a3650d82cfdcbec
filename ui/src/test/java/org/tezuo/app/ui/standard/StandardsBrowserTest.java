package org.tezuo.app.ui.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.templates.TemplateInstaller;

/**
 * Headless Chromium against 标准配置中心: a safety director opens the hot-work flammable limit and tightens it with
 * reason and source, and the page then shows the enterprise origin and a history row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandardsBrowserTest {

    private static final String PASSWORD = "Standards-2026-director";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", new Dimension(1400, 1000));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @DisplayName("Director tightens the hot-work flammable limit")
    void directorTightensFlammableLimit() {
        signInDirectorOfNewTenant();

        browser.get(url("/standards?item=hot-work/flammableLimitHighLelPercentVol"));

        assertThat(waitForText(By.id("standard-title"), "可燃气体合格值").getText())
                .isEqualTo("爆炸下限≥4%时的可燃气体合格值");
        assertThat(browser.findElement(By.id("standards-tree")).getText()).contains("液化天然气（LNG）接收站");
        assertThat(browser.findElement(By.id("standard-usages")).getText())
                .contains("hot-work.gas.flammable-over-limit");

        chromium.replaceText("override-value", "0.3", RENDER_TIMEOUT);
        chromium.replaceText("override-source", "企业标准 Q/LNG 3.2", RENDER_TIMEOUT);
        chromium.replaceText("override-reason", "LNG 接收站工艺从严", RENDER_TIMEOUT);
        chromium.click(waitFor(By.id("override-save")));

        assertThat(waitForText(By.id("standard-in-force"), "企业覆盖").getText())
                .isEqualTo("生效值 0.3 %vol；来源：企业覆盖（依据 企业标准 Q/LNG 3.2，理由：LNG 接收站工艺从严；"
                        + "替换 GB 30871-2022 5.3.2 规定的 0.5）");
        assertThat(waitForText(By.id("standard-history"), "收紧").getText()).contains("LNG 接收站工艺从严");
    }

    @Test
    @DisplayName("SIMOPS handling code reads as its caption")
    void simopsHandlingReadsAsCaption() {
        signInDirectorOfNewTenant();

        browser.get(url("/standards?item=hot-work/simopsReleaseSeverity"));

        assertThat(waitForText(By.id("standard-in-force"), "生效值").getText()).startsWith("生效值 阻止（BLOCK）");
        assertThat(waitFor(By.id("override-value")).getDomProperty("value")).isEqualTo("BLOCK");
    }

    private void signInDirectorOfNewTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long tenantId = installer.createTenant("standards-ui-" + suffix, "标准界面测试化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        String username = "standards-director-" + suffix;
        accounts.create(tenantId, username, PASSWORD, "安全总监", Set.of("SAFETY_DIRECTOR"), null, null);
        chromium.signIn(url("/"), username, PASSWORD, RENDER_TIMEOUT);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.elementToBeClickable(locator));
    }

    private WebElement waitForText(By locator, String text) {
        new WebDriverWait(browser, RENDER_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return browser.findElement(locator);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package org.tezuo.app.ui.pack;

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
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium against 政策包: a safety director previews the shipped GB 30871-2022 pack in a tenant whose
 * hot-work wind stop level was changed locally, applies it, and rolls it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyPackBrowserTest {

    private static final String PASSWORD = "Pack-2026-director";
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
    MetadataStore metadata;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", new Dimension(1280, 1000));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private int windStopLevel(long tenantId) {
        return metadata.requirePublished(tenantId, MetadataKind.RULESET, "hot-work").body().path("thresholds")
                .path("windStopBeaufortLevel").path("value").asInt();
    }

    @Test
    @DisplayName("Director previews, applies and rolls back the shipped pack")
    void directorAppliesAndRollsBack() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long tenantId = installer.createTenant("pack-ui-" + suffix, "政策包界面测试化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        String username = "pack-director-" + suffix;
        accounts.create(tenantId, username, PASSWORD, "安全总监", Set.of("SAFETY_DIRECTOR"), null, null);
        ObjectNode edited = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.RULESET, "hot-work").body()
                .deepCopy();
        ((ObjectNode) edited.path("thresholds").path("windStopBeaufortLevel")).put("value", 6);
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, "hot-work", edited, "engineer");

        signIn(username);
        browser.get(url("/policy-packs"));
        waitFor(By.id("pack-bundled-gb30871-2022")).click();

        assertThat(waitForText(By.id("pack-documents"), "有变更").getText()).contains("规则集：hot-work");
        assertThat(browser.findElement(By.id("pack-unconfirmed")).getText()).contains("未经核实的数值");
        waitFor(By.id("pack-unconfirmed-toggle")).click();
        assertThat(waitForText(By.id("pack-unconfirmed"), "coLimitPpm").getText())
                .contains("ruleset:confined-space/thresholds/coLimitPpm");
        waitFor(By.id("pack-unconfirmed-toggle")).click();

        chromium.click(waitFor(By.id("pack-apply")));
        waitFor(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        waitForText(By.id("pack-history"), "生效中");

        assertThat(windStopLevel(tenantId)).isEqualTo(5);

        browser.findElements(By.cssSelector("#pack-history vaadin-button")).getFirst().click();
        waitFor(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        waitForText(By.id("pack-history"), "已回滚");

        assertThat(windStopLevel(tenantId)).isEqualTo(6);
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        waitFor(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitFor(By.id("main-menu"));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.elementToBeClickable(locator));
    }

    private WebElement waitForText(By locator, String text) {
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(locator,
                text));
        return browser.findElement(locator);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

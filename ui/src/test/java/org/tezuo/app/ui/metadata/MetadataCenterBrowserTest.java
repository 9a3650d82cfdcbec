package org.tezuo.app.ui.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.tezuo.core.metadata.bundle.BundleExporter;
import org.tezuo.core.metadata.bundle.BundleFormat;
import org.tezuo.core.metadata.bundle.BundleWriter;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium against the metadata center: a system administrator compares two versions of the hot-work
 * form, rolls back through the confirmation dialog, and imports a bundle from another tenant after its preview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetadataCenterBrowserTest {

    private static final String PASSWORD = "Meta-2026-admin";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String FORM = "hot-work-permit";

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
    BundleExporter exporter;

    @Autowired
    BundleWriter writer;

    private long tenantId;
    private long sourceTenantId;
    private String username;

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

    @BeforeEach
    void installTenants() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = installer.createTenant("center-" + suffix, "元数据中心测试化工", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        sourceTenantId = installer.createTenant("center-src-" + suffix, "测试环境", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        username = "center-admin-" + suffix;
        accounts.create(tenantId, username, PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"), null, null);
        relabelLocation(tenantId, "动火部位");
    }

    private void relabelLocation(long tenant, String label) {
        ObjectNode form = (ObjectNode) metadata.requirePublished(tenant, MetadataKind.FORM, FORM).body().deepCopy();
        ((ObjectNode) form.path("schema").path("properties").path("location").path("x-label")).put("zh", label);
        metadata.saveAndPublish(tenant, MetadataKind.FORM, FORM, form, "dev");
    }

    @Test
    void adminComparesRollsBackAndImports() throws IOException {
        signIn();
        browser.get(url("/metadata"));
        waitForText(By.id("metadata-documents"), FORM);
        cellContaining(FORM).click();
        waitForText(By.id("metadata-versions-title"), "form:hot-work-permit 的版本");

        waitFor(By.id("metadata-compare")).click();
        assertThat(waitForText(By.id("metadata-diff"), "动火部位").getText())
                .contains("字段“动火部位”（location）的标签由“动火地点及动火部位”改为“动火部位”");

        waitFor(By.id("rollback-1")).click();
        waitFor(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        // The history's times contain digits too, so wait for the store rather than for a "3" on the page.
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver ->
                metadata.requirePublished(tenantId, MetadataKind.FORM, FORM).version() == 3);
        assertThat(metadata.requirePublished(tenantId, MetadataKind.FORM, FORM).body())
                .isEqualTo(metadata.find(tenantId, MetadataKind.FORM, FORM, 1).orElseThrow().body());

        relabelLocation(sourceTenantId, "动火点");
        Path bundle = Files.createTempFile("bundle-", ".zip");
        Files.write(bundle, writer.write(exporter.export(sourceTenantId, "form:" + FORM), BundleFormat.ZIP));
        browser.findElements(By.cssSelector("vaadin-tab")).get(1).click();
        WebElement upload = waitFor(By.id("bundle-upload"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(bundle.toString());
        assertThat(waitForText(By.id("bundle-preview"), "有变更").getText()).contains("hot-work-permit");

        waitFor(By.id("bundle-apply")).click();
        waitFor(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        waitForText(By.id("bundle-documents"), "无变化");
        assertThat(metadata.requirePublished(tenantId, MetadataKind.FORM, FORM).body().path("schema")
                .path("properties").path("location").path("x-label").path("zh").asString()).isEqualTo("动火点");
        Files.delete(bundle);
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        waitFor(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitFor(By.id("main-menu"));
    }

    private WebElement cellContaining(String text) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> driver
                .findElements(By.cssSelector("#metadata-documents vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(text))
                .findFirst()
                .orElse(null));
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

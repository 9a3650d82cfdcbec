package org.tezuo.app.ui.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
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
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.org.OrgDesigner;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.org.OrgDirectory.OrgUnit;
import org.tezuo.app.org.UnitKind;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.templates.TemplateInstaller;

/**
 * The org designer in headless Chromium, driven with the mouse gestures only: an administrator drags a team under
 * another workshop, drags a worker onto the team and ticks 班组长. The database, read through {@link OrgDirectory},
 * must show each change.
 *
 * <p>Selenium's {@code Actions.dragAndDrop} moves the pointer but Chromium then fires no HTML5 drag events, so
 * {@link #dragOnto} dispatches dragstart, dragenter, dragover, drop and dragend with one shared DataTransfer on
 * the rows' cell contents, as a real drag would. vaadin-grid listens for them on its table and finds the row
 * through the event's composed path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgDesignerBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
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
    OrgDesigner designer;

    @Autowired
    OrgDirectory directory;

    private long tenantId;
    private String admin;
    private String worker;
    private OrgUnit team;
    private long electrical;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("en-US", new Dimension(1440, 1000));
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
        TemplateInstaller.Installation installation = installer.createTenant("ui-org-" + suffix, "浏览器测试组织设计",
                "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        tenantId = installation.tenant().id();
        electrical = installation.orgUnitIds().get("EI");
        team = designer.addUnit(tenantId, "test", installation.orgUnitIds().get("MAINT"), "MAINT-T1", "维修一班",
                UnitKind.TEAM);

        admin = "admin-" + suffix;
        worker = "worker-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"),
                installation.orgUnitIds().get("HQ"), null);
        accounts.create(tenantId, worker, PASSWORD, "李强", Set.of("WORKER"), installation.orgUnitIds().get("MAINT"),
                null);
    }

    @Test
    void designerMovesUnitPersonAndRole() throws IOException {
        signIn(admin);
        browser.get(url("/org-designer"));
        waitForCell("org-tree", "维修一班");
        screenshot("org-designer");

        dragOnto(waitForCell("org-tree", "维修一班"), waitForCell("org-tree", "电仪车间"));
        waitUntil("team moved under 电仪车间", () -> Long.valueOf(electrical).equals(
                directory.orgUnit(tenantId, team.id()).orElseThrow().parentId()));

        dragOnto(waitForCell("org-people", "李强"), waitForCell("org-tree", "维修一班"));
        waitUntil("worker placed in 维修一班", () -> Long.valueOf(team.id()).equals(
                directory.user(tenantId, worker).orElseThrow().orgUnitId()));

        click(waitForCell("org-people", "李强"));
        assertThat(waitFor(By.id("org-person-title")).getText()).isEqualTo("李强（" + worker + "）");
        click(roleCheckbox("班组长"));
        waitUntil("worker holds TEAM_LEADER", () -> directory.user(tenantId, worker).orElseThrow().roles()
                .equals(Set.of("WORKER", "TEAM_LEADER")));
        screenshot("org-designer-after");

        assertThat(directory.unitAndAncestors(tenantId, team.id())).extracting(OrgUnit::code)
                .containsExactly("MAINT-T1", "EI", "TERMINAL", "HQ");
        assertThat(directory.usersWithRole(tenantId, "TEAM_LEADER")).extracting(OrgDirectory.TenantUser::username)
                .containsExactly(worker);
    }

    @Test
    void buttonsAndSelectsReplaceDragging() {
        signIn(admin);
        browser.get(url("/org-designer"));

        click(waitForCell("org-tree", "维修一班"));
        click(waitFor(By.cssSelector("#org-move-unit:not([disabled])")));
        choose("org-move-target", "电仪车间");
        click(waitFor(By.id("org-dialog-confirm")));
        waitUntil("team moved under 电仪车间", () -> Long.valueOf(electrical).equals(
                directory.orgUnit(tenantId, team.id()).orElseThrow().parentId()));

        click(waitForCell("org-people", "李强"));
        choose("org-person-unit", "维修一班");
        click(waitFor(By.id("org-person-move")));
        waitUntil("worker placed in 维修一班", () -> Long.valueOf(team.id()).equals(
                directory.user(tenantId, worker).orElseThrow().orgUnitId()));
    }

    @Test
    void rejectedDropShowsReason() {
        signIn(admin);
        browser.get(url("/org-designer"));

        dragOnto(waitForCell("org-tree", "电仪车间"), waitForCell("org-tree", "储运部"));

        WebElement notice = new WebDriverWait(browser, RENDER_TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-notification-card")));
        assertThat(notice.getText()).startsWith("车间“电仪车间”不能放在部门“储运部”之下");
        assertThat(directory.orgUnit(tenantId, electrical).orElseThrow().parentId())
                .isEqualTo(directory.orgUnitByCode(tenantId, "TERMINAL").orElseThrow().id());
    }

    /** Fires the HTML5 drag events of dragging {@code source} onto {@code target}. */
    private void dragOnto(WebElement source, WebElement target) {
        chromium.dragAndDrop(source, target);
    }

    /** Waits for the cell content of a grid whose text is {@code text} and returns it. */
    private WebElement waitForCell(String gridId, String text) {
        try {
            return new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> (WebElement) ((JavascriptExecutor) driver)
                    .executeScript("""
                            return Array.from(document.querySelectorAll('#' + arguments[0]
                                + ' > vaadin-grid-cell-content'))
                              .find(cell => cell.textContent.trim() === arguments[1]) || null;""", gridId, text));
        } catch (TimeoutException e) {
            throw new AssertionError("No cell \"" + text + "\" in grid " + gridId, e);
        }
    }

    /**
     * Replaces the text of a combo box and clicks the item whose label ends with the text, because labels are unit
     * paths such as 演示化工有限公司 / LNG 接收站 / 电仪车间.
     */
    private void choose(String comboBoxId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + comboBoxId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        WebElement item = new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> driver
                .findElements(By.tagName("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed)
                .filter(candidate -> candidate.getText().trim().endsWith(text))
                .findFirst().orElse(null));
        click(item);
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> input.getAttribute("value").endsWith(text));
    }

    private WebElement roleCheckbox(String label) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> driver
                .findElements(By.cssSelector("#org-person-roles vaadin-checkbox")).stream()
                .filter(checkbox -> checkbox.getText().trim().equals(label))
                .map(checkbox -> checkbox.findElement(By.cssSelector("input")))
                .findFirst().orElse(null));
    }

    private void waitUntil(String description, BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            saveFailureScreenshot();
            throw new AssertionError("Expected " + description + "; notices: "
                    + browser.findElements(By.tagName("vaadin-notification-card")).stream()
                            .map(WebElement::getText).toList(), e);
        }
    }

    private void signIn(String username) {
        chromium.signIn(url("/login"), username, PASSWORD, RENDER_TIMEOUT);
    }

    private void click(WebElement element) {
        chromium.click(element);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Saves the window to target/org-screenshots for a person to look at; the test does not compare it. */
    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "org-screenshots"));
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void saveFailureScreenshot() {
        try {
            screenshot("failure");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package org.tezuo.app.ui.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 记录 pages in headless Chromium. A record filled in on the fill page opens from its success message. The
 * list filters by text and by status, and a row opens its record, which a system administrator edits and saves.
 * A stale save is rejected with a message to reload. A record created under form version 1 still opens with
 * version 1's fields after version 2 is published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordPagesBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String FORM_V1 = """
            {"title": {"zh": "隐患检查表"}, "entity": "inspection",
             "schema": {"type": "object", "required": ["title"], "properties": {
               "title": {"type": "string", "x-label": {"zh": "检查项目"}},
               "status": {"type": "string", "enum": ["open", "closed"],
                          "x-enumLabels": {"open": {"zh": "待整改"}, "closed": {"zh": "已关闭"}},
                          "x-label": {"zh": "状态"}}}},
             "layout": {"sections": [{"title": {"zh": "检查"}, "fields": ["title", "status"]}]}}""";
    private static final String FORM_V2 = """
            {"title": {"zh": "隐患检查表"}, "entity": "inspection",
             "schema": {"type": "object", "required": ["title"], "properties": {
               "title": {"type": "string", "x-label": {"zh": "检查项目（第二版）"}},
               "inspectedOn": {"type": "string", "format": "date", "x-label": {"zh": "检查日期"}}}},
             "layout": {"sections": [{"title": {"zh": "检查"}, "fields": ["title", "inspectedOn"]}]}}""";

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    RecordService records;

    @Autowired
    JsonMapper json;

    private InspectionRecords inspections;
    private String formKey;

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

    @BeforeEach
    void publishEntityAndForm() {
        inspections = InspectionRecords.inNewTenant(tenants, metadata, records, json);
        formKey = "inspection-" + UUID.randomUUID().toString().substring(0, 8);
        metadata.saveAndPublish(inspections.tenantId, MetadataKind.FORM, formKey, json.readTree(FORM_V1), "test");
        String admin = "admin-" + UUID.randomUUID();
        accounts.create(inspections.tenantId, admin, PASSWORD, "周管理", Set.of("SYSTEM_ADMIN"), null, null);
        signIn(admin);
    }

    @Test
    void recordIsListedFilteredEditedAndSaved() {
        createWithForm("配电室巡检", "closed");
        createWithForm("仓库消防通道", "open");

        browser.get(url("/forms/" + formKey + "/fill"));
        waitFor(By.cssSelector("#field-title input")).sendKeys("储罐区动火点", Keys.TAB);
        chromium.chooseOption("field-status", "待整改", RENDER_TIMEOUT);
        click(waitFor(By.id("fill-submit")));
        click(waitFor(By.id("fill-open-record")));
        waitForText(By.id("record-title"), "隐患检查表");
        assertThat(inputValue("field-title")).isEqualTo("储罐区动火点");

        click(waitFor(By.id("record-back")));
        waitForText(By.id("records-count"), "共 3 条记录");
        replaceText("records-filter-text", "储罐");
        waitForText(By.id("records-count"), "共 1 条记录");
        replaceText("records-filter-text", "");
        waitForText(By.id("records-count"), "共 3 条记录");
        chromium.chooseOption("records-filter-status", "已关闭", RENDER_TIMEOUT);
        waitForText(By.id("records-count"), "共 1 条记录");
        assertThat(waitFor(By.id("records-grid")).getDomProperty("size")).isEqualTo("1");
        assertThat(gridText()).contains("配电室巡检").contains("已关闭");

        click(gridCell("配电室巡检"));
        waitForText(By.id("record-title"), "隐患检查表");
        click(waitFor(By.id("record-edit")));
        replaceText("field-title", "配电室巡检（已复查）");
        click(waitFor(By.id("record-save")));
        waitForText(By.id("record-meta"), "行版本 2");
        assertThat(inputValue("field-title")).isEqualTo("配电室巡检（已复查）");

        click(waitFor(By.id("record-back")));
        waitForText(By.id("records-count"), "共 3 条记录");
        waitUntil(driver -> gridText().contains("配电室巡检（已复查）"));
    }

    @Test
    void staleSaveAsksToReload() {
        StoredRecord stored = createWithForm("配电室巡检", "closed");
        browser.get(url("/records/inspection/" + stored.id()));
        click(waitFor(By.id("record-edit")));
        records.update(inspections.tenantId, InspectionRecords.ENTITY, stored.id(), stored.rowVersion(),
                json.readTree("{\"title\": \"他人修改\", \"status\": \"open\"}"), "other", Locale.SIMPLIFIED_CHINESE);

        replaceText("field-title", "我的修改");
        click(waitFor(By.id("record-save")));

        waitForText(By.tagName("vaadin-notification-card"), "第 " + stored.id()
                + " 号记录已被他人修改，本次修改未保存；请刷新页面重新加载记录后再修改");
        assertThat(records.read(inspections.tenantId, InspectionRecords.ENTITY, stored.id()).data()
                .path("title").asString()).isEqualTo("他人修改");
    }

    @Test
    void recordOpensWithItsPinnedFormVersion() {
        StoredRecord underV1 = createWithForm("配电室巡检", "closed");
        metadata.saveAndPublish(inspections.tenantId, MetadataKind.FORM, formKey, json.readTree(FORM_V2), "test");
        StoredRecord underV2 = records.create(inspections.tenantId, InspectionRecords.ENTITY,
                json.readTree("{\"title\": \"仓库消防通道\", \"inspectedOn\": \"2026-03-05\"}"), formKey, "test",
                Locale.SIMPLIFIED_CHINESE);

        browser.get(url("/records/inspection/" + underV1.id()));
        waitForText(By.id("record-meta"), formKey + "@1");
        boolean v1HasStatus = !browser.findElements(By.id("field-status")).isEmpty();
        boolean v1HasDate = !browser.findElements(By.id("field-inspectedOn")).isEmpty();
        String v1Text = waitFor(By.id("record-form")).getText();

        browser.get(url("/records/inspection/" + underV2.id()));
        waitForText(By.id("record-meta"), formKey + "@2");
        boolean v2HasStatus = !browser.findElements(By.id("field-status")).isEmpty();
        boolean v2HasDate = !browser.findElements(By.id("field-inspectedOn")).isEmpty();

        assertThat(v1HasStatus).isTrue();
        assertThat(v1HasDate).isFalse();
        assertThat(v1Text).doesNotContain("第二版");
        assertThat(v2HasStatus).isFalse();
        assertThat(v2HasDate).isTrue();
    }

    private StoredRecord createWithForm(String title, String status) {
        return records.create(inspections.tenantId, InspectionRecords.ENTITY, json.readTree("""
                {"title": "%s", "status": "%s"}""".formatted(title, status)), formKey, "test",
                Locale.SIMPLIFIED_CHINESE);
    }

    private void signIn(String username) {
        chromium.signIn(url("/login"), username, PASSWORD, RENDER_TIMEOUT);
    }

    /** Replaces the text of a Vaadin text field and leaves it, so the change is sent. */
    private void replaceText(String fieldId, String text) {
        chromium.replaceText(fieldId, text, RENDER_TIMEOUT);
    }

    private String inputValue(String fieldId) {
        return waitFor(By.cssSelector("#" + fieldId + " input")).getDomProperty("value");
    }

    /** Returns the text of every rendered grid cell, read in one script because the grid redraws its rows. */
    private String gridText() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#records-grid vaadin-grid-cell-content'))"
                        + ".map(cell => cell.textContent).join('|');");
    }

    private WebElement gridCell(String text) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> driver
                .findElements(By.cssSelector("#records-grid vaadin-grid-cell-content")).stream()
                .filter(cell -> text.equals(cell.getText())).findFirst().orElse(null));
    }

    private void click(WebElement element) {
        chromium.click(element);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitForText(By locator, String text) {
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(locator,
                text));
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, RENDER_TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

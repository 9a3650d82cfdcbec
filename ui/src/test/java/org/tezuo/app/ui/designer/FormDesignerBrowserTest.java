package org.tezuo.app.ui.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
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
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form designer in headless Chromium with the mouse only: a system administrator starts a form, drags a
 * single-line text field from the palette onto the canvas, names it and makes it required, undoes and redoes
 * that, gets a wrong visibility condition rejected as typed, drops a number field before it and drags the text
 * field back to the front, links the form to a records entity, then saves and publishes. Publishing the empty
 * form first is refused with the meta-schema's paths. The fill page then refuses the empty form with the
 * required-field error in Chinese and, once the field is filled in, stores a record of the entity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormDesignerBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String ENTITY = "daily_check";

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
    RecordService records;

    @Autowired
    JsonMapper json;

    private long tenantId;
    private String admin;
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
    void seedTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("ui-designer-" + suffix,
                "表单设计浏览器测试", "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        tenantId = installation.tenant().id();
        admin = "admin-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "周管理", Set.of("SYSTEM_ADMIN"), null, null);
        formKey = "daily-check-" + suffix;
        metadata.saveAndPublish(tenantId, MetadataKind.ENTITY, ENTITY, json.readTree("""
                {"name": "daily_check", "label": {"zh": "日常检查", "en": "Daily check"}, "storage": "records",
                 "fields": [{"name": "text1", "type": "text", "label": {"zh": "检查人", "en": "Inspector"},
                             "maxLength": 50}]}"""), "test");
    }

    @Test
    void designedFormIsPublishedAndFilled() throws IOException {
        startForm();
        waitFor(By.id("designer-canvas"));
        click(waitFor(By.id("designer-publish")));
        waitForText(By.id("designer-problems"), "草稿未保存");
        assertThat(textOf("designer-problems")).contains("/schema/properties", "/layout/sections/0/fields");
        assertThat(metadata.history(tenantId, MetadataKind.FORM, formKey)).isEmpty();

        drag(waitFor(By.id("palette-text")), waitFor(By.id("canvas-section-0-drop")));
        WebElement card = waitFor(By.id("canvas-field-text1"));
        assertThat(card.getText()).contains("单行文本");
        assertThat(waitFor(By.cssSelector("#prop-key input")).getAttribute("value")).isEqualTo("text1");

        replaceText("prop-label-zh", "检查人");
        waitForText(By.id("canvas-field-text1"), "检查人");
        click(waitFor(By.cssSelector("#prop-required input")));
        waitForText(By.id("canvas-field-text1"), "检查人 *");
        screenshot("designer-field");

        WebElement condition = waitFor(By.cssSelector("#prop-visible-when input"));
        condition.sendKeys("level > 2");
        By conditionField = By.id("prop-visible-when");
        waitUntil(driver -> "true".equals(driver.findElement(conditionField).getDomProperty("invalid")));
        assertThat(browser.findElement(conditionField).getDomProperty("errorMessage")).contains("未定义的字段“level”");
        condition.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        waitUntil(driver -> "false".equals(driver.findElement(conditionField).getDomProperty("invalid")));

        click(waitFor(By.id("designer-undo")));
        waitUntil(driver -> !textOf("canvas-field-text1").contains("*"));
        assertThat(textOf("canvas-field-text1")).contains("检查人");
        click(waitFor(By.id("designer-redo")));
        waitForText(By.id("canvas-field-text1"), "检查人 *");
        drag(waitFor(By.id("palette-number")), waitFor(By.id("canvas-field-text1")));
        waitFor(By.id("canvas-field-number1"));
        assertThat(cardOrder()).containsExactly("canvas-field-number1", "canvas-field-text1");
        drag(waitFor(By.id("canvas-field-text1")), waitFor(By.id("canvas-field-number1")));
        waitUntil(driver -> cardOrder().getFirst().equals(
                "canvas-field-text1"));
        assertThat(waitFor(By.id("designer-preview")).findElements(By.id("field-text1"))).hasSize(1);
        click(waitFor(By.id("designer-json-tab")));
        assertThat(waitFor(By.id("designer-json")).getText()).contains("\"required\"", "\"text1\"", "检查人");

        click(waitFor(By.id("canvas-form-title")));
        chromium.chooseOption("prop-entity", "日常检查（daily_check）", RENDER_TIMEOUT);
        click(waitFor(By.id("designer-save")));
        waitForAttribute(By.id("designer-status"), "data-status", "DRAFT");
        click(waitFor(By.id("designer-publish")));
        waitForAttribute(By.id("designer-status"), "data-status", "PUBLISHED");
        screenshot("designer-published");
        click(waitFor(By.id("designer-publish")));
        waitForText(By.id("designer-problems"), "第 1 版已发布，此后没有修改");

        MetadataDocument published = metadata.requirePublished(tenantId, MetadataKind.FORM, formKey);
        assertThat(published.body().at("/schema/required").get(0).asString()).isEqualTo("text1");
        assertThat(published.body().at("/schema/properties/text1/x-label/zh").asString()).isEqualTo("检查人");
        assertThat(published.body().get("entity").asString()).isEqualTo(ENTITY);

        click(waitFor(By.id("designer-fill-link")));
        waitFor(By.id("field-text1"));
        click(waitFor(By.id("fill-submit")));
        waitForText(By.id("form-problems"), "请填写“检查人”，这是必填项");
        assertThat(waitFor(By.id("field-text1")).getDomProperty("errorMessage")).contains("必填项");
        screenshot("fill-refused");

        waitFor(By.cssSelector("#field-text1 input")).sendKeys("张检查", Keys.TAB);
        click(waitFor(By.id("fill-submit")));
        waitForText(By.id("fill-success"), "张检查");
        WebElement success = waitFor(By.id("fill-success"));
        assertThat(success.getText()).contains("已保存为“daily_check”的第", "form:" + formKey + "@1");
        StoredRecord stored = records.read(tenantId, ENTITY, Long.parseLong(success.getAttribute("data-record-id")));
        assertThat(stored.data().get("text1").asString()).isEqualTo("张检查");
        assertThat(stored.formKey()).isEqualTo(formKey);
        assertThat(stored.formVersion()).isEqualTo(1);
        screenshot("fill-accepted");
    }

    /**
     * Adds a table, gives it two more columns (one renamed and required, one moved up), a column condition
     * reading the row and a row limit. Then adds a reference field with a target entity and a required-when
     * condition, publishes, and adds a row on the fill page.
     */
    @Test
    void designedTableColumnsAreFilled() throws IOException {
        startForm();
        drag(waitFor(By.id("palette-table")), waitFor(By.id("canvas-section-0-drop")));
        waitFor(By.id("canvas-field-table1"));
        assertThat(waitFor(By.cssSelector("#prop-column-0-key input")).getAttribute("value")).isEqualTo("content");

        click(waitFor(By.id("designer-json-tab")));
        waitFor(By.id("designer-json"));
        chromium.chooseOption("prop-column-widget", "数字", RENDER_TIMEOUT);
        click(waitFor(By.id("prop-add-column")));
        waitFor(By.id("prop-column-1-key"));
        replaceText("prop-column-1-zh", "深度");
        click(waitFor(By.cssSelector("#prop-column-1-required input")));
        replaceText("prop-column-1-key", "depth");
        // A renamed column redraws the column editor in the same response that updates the JSON.
        waitUntil(driver -> jsonText().contains("\"depth\""));
        chromium.chooseOption("prop-column-widget", "日期", RENDER_TIMEOUT);
        click(waitFor(By.id("prop-add-column")));
        waitFor(By.id("prop-column-2-key"));
        click(waitFor(By.id("prop-column-2-up")));
        waitUntil(driver -> jsonText().indexOf("\"date1\"") < jsonText().indexOf("\"depth\""));
        WebElement columnCondition = waitFor(By.cssSelector("#prop-column-0-required-when input"));
        columnCondition.sendKeys("row.nothing == 1");
        By columnConditionField = By.id("prop-column-0-required-when");
        waitUntil(driver -> "true".equals(driver.findElement(columnConditionField).getDomProperty("invalid")));
        columnCondition.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        columnCondition.sendKeys("row.depth > 2", Keys.TAB);
        waitUntil(driver -> jsonText().contains("row.depth > 2"));
        assertThat(browser.findElement(columnConditionField).getDomProperty("invalid")).isEqualTo("false");
        replaceText("prop-max-rows", "5");
        waitUntil(driver -> jsonText().contains("\"maxItems\""));
        screenshot("designer-table-columns");

        drag(waitFor(By.id("palette-reference")), waitFor(By.id("canvas-section-0-drop")));
        waitFor(By.id("canvas-field-reference1"));
        chromium.chooseOption("prop-ref-entity", "日常检查（daily_check）", RENDER_TIMEOUT);
        waitUntil(driver -> jsonText().contains("\"x-entity\""));
        WebElement requiredWhen = waitFor(By.cssSelector("#prop-required-when input"));
        requiredWhen.sendKeys("level > 2");
        By requiredWhenField = By.id("prop-required-when");
        waitUntil(driver -> "true".equals(driver.findElement(requiredWhenField).getDomProperty("invalid")));
        assertThat(browser.findElement(requiredWhenField).getDomProperty("errorMessage"))
                .contains("未定义的字段“level”");
        requiredWhen.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        requiredWhen.sendKeys("table1 != null", Keys.TAB);
        waitUntil(driver -> jsonText().contains("\"x-requiredWhen\""));
        assertThat(browser.findElement(requiredWhenField).getDomProperty("invalid")).isEqualTo("false");

        click(waitFor(By.id("designer-save")));
        waitForAttribute(By.id("designer-status"), "data-status", "DRAFT");
        click(waitFor(By.id("designer-publish")));
        waitForAttribute(By.id("designer-status"), "data-status", "PUBLISHED");

        MetadataDocument published = metadata.requirePublished(tenantId, MetadataKind.FORM, formKey);
        assertThat(published.body().at("/schema/properties/table1/items/properties").propertyNames())
                .containsExactly("content", "date1", "depth");
        assertThat(published.body().at("/schema/properties/table1/items/required").toString())
                .isEqualTo("[\"depth\"]");
        assertThat(published.body().at("/schema/properties/table1/maxItems").asInt()).isEqualTo(5);
        assertThat(published.body().at("/schema/properties/table1/items/properties/depth/x-label/zh").asString())
                .isEqualTo("深度");
        assertThat(published.body().at("/schema/properties/table1/items/properties/content/x-requiredWhen")
                .asString()).isEqualTo("row.depth > 2");
        assertThat(published.body().at("/schema/properties/reference1/x-entity").asString()).isEqualTo(ENTITY);
        assertThat(published.body().at("/schema/properties/reference1/x-requiredWhen").asString())
                .isEqualTo("table1 != null");

        browser.get(url("/forms/" + formKey + "/fill"));
        click(waitFor(By.id("add-table1")));
        waitFor(By.id("row-table1-0"));
        assertThat(waitFor(By.id("field-table1-0-depth")).getText()).contains("深度");
        assertThat(browser.findElements(By.id("field-table1-0-date1"))).hasSize(1);
        screenshot("fill-table-row");
    }

    /** Signs in as the administrator and starts the form {@code formKey} in the designer. */
    private void startForm() {
        signIn(admin);
        browser.get(url("/designer/forms"));
        click(waitFor(By.id("new-form")));
        waitFor(By.cssSelector("#new-form-key input")).sendKeys(formKey, Keys.TAB);
        click(waitFor(By.id("new-form-create")));
    }

    private void drag(WebElement source, WebElement target) {
        chromium.dragAndDrop(source, target);
    }

    /** Returns the ids of the first section's cards, read in one script because the canvas is redrawn. */
    @SuppressWarnings("unchecked")
    private List<String> cardOrder() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document"
                + ".querySelectorAll('#canvas-section-0-drop .tezuo-designer-card')).map(card => card.id);");
    }

    private void signIn(String username) {
        chromium.signIn(url("/login"), username, PASSWORD, RENDER_TIMEOUT);
    }

    /** Replaces the text of a Vaadin text field and leaves it, so the change is sent. */
    private void replaceText(String fieldId, String text) {
        chromium.replaceText(fieldId, text, RENDER_TIMEOUT);
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

    private void waitForAttribute(By locator, String attribute, String value) {
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.attributeToBe(locator, attribute,
                value));
    }

    /** Returns the text of an element, read in one script because the canvas is redrawn after each change. */
    private String textOf(String id) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const element = document.getElementById(arguments[0]); return element ? element.innerText : '';",
                id);
    }

    /** Returns the JSON the designer shows on its tab. */
    private String jsonText() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const element = document.getElementById('designer-json'); return element ? element.innerText : '';");
    }

    /** Waits for a condition, retrying when the canvas or panel was redrawn while it was checked. */
    private void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, RENDER_TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Saves the window to target/designer-screenshots for a person to look at; the test does not compare it. */
    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "designer-screenshots"));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(directory.resolve(name + ".png"), png);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

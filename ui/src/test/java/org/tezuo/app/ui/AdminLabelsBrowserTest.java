package org.tezuo.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tezuo.app.org.OrgDesigner;
import org.tezuo.app.org.UnitKind;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.notification.Notice;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Labels that a system administrator types, and a notice title, carrying HTML with a script handler are shown as
 * text in headless Chromium. The screens are the flow designer (node names), the org designer (unit names), the 记录
 * pages (entity and field labels, dictionary entries, saved query titles) and the notice inbox (titles). On each screen the literal label is visible, no {@code img} element was created
 * in the page or any shadow root, and the handler never ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminLabelsBrowserTest {

    /** Markup that runs a script when a page parses it as HTML instead of showing it as text. */
    private static final String PAYLOAD = "<img src=x onerror=window.__xss=1>";
    private static final String PASSWORD = "Anquan-2026";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    /** Collects the text of the page and of every shadow root, since Vaadin components render into both. */
    private static final String DEEP_TEXT = """
            const texts = [];
            const walk = root => {
              texts.push(root.textContent || '');
              root.querySelectorAll('*').forEach(element => { if (element.shadowRoot) walk(element.shadowRoot); });
            };
            walk(document);
            texts.push(document.body.innerText);
            return texts.join('\\n');""";
    /** Counts {@code img} elements whose source is "x" in the page and in every shadow root. */
    private static final String INJECTED_IMAGES = """
            let count = 0;
            const walk = root => {
              count += root.querySelectorAll('img[src="x"]').length;
              root.querySelectorAll('*').forEach(element => { if (element.shadowRoot) walk(element.shadowRoot); });
            };
            walk(document);
            return count;""";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    private final AtomicInteger labelsShown = new AtomicInteger();
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void createLabelsAndSignIn() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = context.getBean(TemplateInstaller.class).createTenant(
                "labels-" + suffix, "标签测试化工", "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        long tenantId = installation.tenant().id();
        String admin = "labels-admin-" + suffix;
        context.getBean(UserAccounts.class).create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"),
                installation.orgUnitIds().get("HQ"), null);
        MetadataStore metadata = context.getBean(MetadataStore.class);

        ObjectNode flow = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.FLOW, "hot-work-approval")
                .body().deepCopy();
        ((ObjectNode) flow.path("nodes").get(0).path("name")).put("zh", "节点" + PAYLOAD);
        metadata.saveAndPublish(tenantId, MetadataKind.FLOW, "labels-flow", flow, "test");

        context.getBean(OrgDesigner.class).addUnit(tenantId, admin, installation.orgUnitIds().get("HQ"), "XSS",
                "单元" + PAYLOAD, UnitKind.fromCode("plant").orElseThrow());

        metadata.saveAndPublish(tenantId, MetadataKind.DICTIONARY, "labels_status", json.readTree("""
                {"label": {"zh": "状态字典"}, "items": [{"code": "open", "label": {"zh": "字典项%s"}}]}"""
                .formatted(PAYLOAD)), "test");
        metadata.saveAndPublish(tenantId, MetadataKind.ENTITY, "labels_item", json.readTree("""
                {"name": "labels_item", "label": {"zh": "实体%1$s"}, "storage": "records",
                 "fields": [{"name": "title", "type": "text", "label": {"zh": "字段%1$s"}},
                            {"name": "status", "type": "enum", "label": {"zh": "枚举字段%1$s"},
                             "dictionary": "labels_status"}]}""".formatted(PAYLOAD)), "test");
        metadata.saveAndPublish(tenantId, MetadataKind.QUERY, "labels-filter", json.readTree("""
                {"type": "filter", "title": {"zh": "查询%1$s"}, "entity": "labels_item",
                 "columns": ["title", "status"], "where": "status = 'open'",
                 "columnLabels": {"title": {"zh": "列标题%1$s"}}}""".formatted(PAYLOAD)), "test");
        context.getBean(RecordService.class).create(tenantId, "labels_item", json.readTree(
                "{\"title\": \"检查\", \"status\": \"open\"}"), null, admin, Locale.SIMPLIFIED_CHINESE);

        context.publishEvent(new Notice(tenantId, admin, "labels.check", "通知" + PAYLOAD, "正文" + PAYLOAD, null));

        chromium = HeadlessChromium.start("zh-CN", new Dimension(1400, 1000));
        browser = chromium.driver();
        chromium.signIn(url("/login"), admin, PASSWORD, RENDER_TIMEOUT);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        System.out.printf("Admin labels: %d labels with HTML shown as text, no script ran%n", labelsShown.get());
    }

    @Test
    @DisplayName("Flow node names show as text in the flow designer")
    void flowNodeNameIsText() {
        assertShownAsText("/designer/flows/labels-flow", List.of("节点" + PAYLOAD));
    }

    @Test
    @DisplayName("Org unit names show as text in the org designer")
    void orgUnitNameIsText() {
        assertShownAsText("/org-designer", List.of("单元" + PAYLOAD));
    }

    @Test
    @DisplayName("Entity labels show as text in the list of record entities")
    void entityLabelIsText() {
        assertShownAsText("/records", List.of("实体" + PAYLOAD));
    }

    @Test
    @DisplayName("Field labels, column labels, dictionary entries and saved query titles show as text on the list")
    void recordListLabelsAreText() {
        browser.get(url("/records/labels_item"));
        WebDriverWait wait = new WebDriverWait(browser, RENDER_TIMEOUT);
        wait.until(driver -> !driver.findElements(By.id("records-saved-filter")).isEmpty()
                || deepText().contains("字典项" + PAYLOAD));
        browser.findElements(By.id("records-saved-filter")).forEach(select -> ((JavascriptExecutor) browser)
                .executeScript("arguments[0].opened = true;", select));

        assertShownAsText(null, List.of("实体" + PAYLOAD, "字段" + PAYLOAD, "枚举字段" + PAYLOAD, "字典项" + PAYLOAD,
                "查询" + PAYLOAD));
    }

    @Test
    @DisplayName("Notice titles show as text in the inbox")
    void noticeTitleIsText() {
        assertShownAsText("/notices", List.of("通知" + PAYLOAD));
    }

    /** Opens {@code path} (or stays on the page when it is null) and checks every label in {@code labels}. */
    private void assertShownAsText(String path, List<String> labels) {
        if (path != null) {
            browser.get(url(path));
        }
        JavascriptExecutor script = (JavascriptExecutor) browser;

        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> labels.stream().allMatch(deepText()::contains));

        assertThat(script.executeScript("return typeof window.__xss;")).isEqualTo("undefined");
        assertThat(((Number) script.executeScript(INJECTED_IMAGES)).intValue()).isZero();
        labelsShown.addAndGet(labels.size());
    }

    private String deepText() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(DEEP_TEXT));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package org.tezuo.app.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.ElementNotInteractableException;
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
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;

/**
 * The approval-chain designer in headless Chromium: a system administrator creates a chain named with a
 * character outside the Basic Multilingual Plane, adds two approver nodes with "+", drags the second above the
 * first, names them and sets a role, publishes, and sees the compiled BPMN diagram with the Chinese node names.
 * The download link's Content-Disposition carries the Chinese file name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlowDesignerBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String FLOW_NAME = "受限空间𠀀审批";

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

    private long tenantId;
    private String admin;
    private String flowKey;

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
        TemplateInstaller.Installation installation = installer.createTenant("ui-flow-" + suffix,
                "审批流设计浏览器测试", "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        tenantId = installation.tenant().id();
        admin = "admin-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "周管理", Set.of("SYSTEM_ADMIN"), null, null);
        flowKey = "confined-" + suffix;
    }

    @Test
    void designedChainIsPublishedAndDrawn() {
        chromium.signIn(url("/login"), admin, PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/designer/flows"));
        clickId("new-flow");
        waitFor(By.cssSelector("#new-flow-key input")).sendKeys(flowKey, Keys.TAB);
        waitFor(By.cssSelector("#new-flow-name-zh input")).sendKeys(FLOW_NAME, Keys.TAB);
        clickId("new-flow-create");
        waitFor(By.id("flow-node-approver1"));

        addNode("flow-add-1", "approver", "approver2");
        addNode("flow-add-2", "approver", "approver3");
        assertThat(cardOrder()).containsExactly("flow-node-approver1", "flow-node-approver2", "flow-node-approver3");

        clickId("flow-remove-approver1");
        waitUntil(driver -> cardOrder().size() == 2);
        chromium.dragAndDrop(waitFor(By.id("flow-node-approver3")), waitFor(By.id("flow-node-approver2")));
        waitUntil(driver -> cardOrder().getFirst().equals("flow-node-approver3"));
        assertThat(cardOrder()).containsExactly("flow-node-approver3", "flow-node-approver2");

        selectNode("approver3");
        rename("approver3", "班组长审批");
        repeatUntilCardShows("approver3", "指定角色：班组长", () -> {
            chooseOption("flow-prop-assignee-by", "指定角色");
            chooseOption("flow-prop-assignee-role", "班组长");
        });
        selectNode("approver2");
        rename("approver2", "安全总监审批");
        repeatUntilCardShows("approver2", "会签", () -> chooseOption("flow-prop-mode", "会签（全部同意）"));

        clickId("flow-publish");
        waitForAttribute(By.id("flow-status"), "data-status", "PUBLISHED");
        MetadataDocument published = metadata.requirePublished(tenantId, MetadataKind.FLOW, flowKey);
        assertThat(published.body().at("/nodes/0/id").asString()).isEqualTo("approver3");
        assertThat(published.body().at("/nodes/0/name/zh").asString()).isEqualTo("班组长审批");
        assertThat(published.body().at("/nodes/0/assignee/by").asString()).isEqualTo("role");
        assertThat(published.body().at("/nodes/0/assignee/role").asString()).isEqualTo("TEAM_LEADER");
        assertThat(published.body().at("/nodes/1/mode").asString()).isEqualTo("all");
        assertThat(published.body().at("/name/zh").asString()).isEqualTo(FLOW_NAME);

        clickId("flow-tab-bpmn");
        try {
            waitUntil(driver -> !textOf("flow-bpmn-message").isEmpty() || Boolean.TRUE.equals(script(
                    "const v = document.getElementById('flow-bpmn'); return !!v && (v.hasAttribute('data-rendered')"
                            + " || v.hasAttribute('data-error'));")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("BPMN not drawn: " + script("""
                    const v = document.getElementById('flow-bpmn');
                    return JSON.stringify({bpmnJs: typeof window.BpmnJS, define: typeof window.define,
                        scripts: Array.from(document.scripts).map(s => s.src).filter(s => s),
                        links: Array.from(document.querySelectorAll('link')).map(l => l.href),
                        viewer: v ? v.outerHTML.substring(0, 300) : 'missing',
                        message: (document.getElementById('flow-bpmn-message') || {}).outerHTML});"""), e);
        }
        assertThat(textOf("flow-bpmn-message")).isEmpty();
        assertThat(script("return document.getElementById('flow-bpmn').getAttribute('data-error');")).isNull();
        assertThat(script("return typeof window.BpmnJS;")).isEqualTo("function");
        WebElement diagram = waitFor(By.cssSelector("#flow-bpmn svg"));
        assertThat(diagram.getAttribute("innerHTML")).contains("班组长审批", "安全总监审批");
        assertThat(browser.findElements(By.cssSelector("#flow-bpmn .bjs-powered-by"))).hasSize(1);

        String disposition = downloadDisposition();
        assertThat(disposition).startsWith("attachment");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(FLOW_NAME + ".bpmn");

        clickId("flow-tab-versions");
        clickId("flow-version-open-1");
        waitFor(By.id("flow-read-only"));
        assertThat(browser.findElements(By.id("flow-publish"))).isEmpty();
        assertThat(browser.findElements(By.id("flow-add-1"))).isEmpty();
    }

    /** Fetches the download link in the signed-in browser and returns its Content-Disposition header. */
    private String downloadDisposition() {
        String href = waitFor(By.id("flow-bpmn-download")).getAttribute("href");
        Object header = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(response => done(response.headers.get('content-disposition') || ''))
                    .catch(error => done('failed: ' + error));""", href);
        return String.valueOf(header);
    }

    @SuppressWarnings("unchecked")
    private List<String> cardOrder() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document"
                + ".querySelectorAll('#flow-canvas > .tezuo-flow-chain > .tezuo-flow-card')).map(card => card.id);");
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private String textOf(String id) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const element = document.getElementById(arguments[0]); return element ? element.innerText : '';",
                id);
    }

    /**
     * Makes the edits until the node's card shows {@code expected}. Keys typed or choices made while the panel is
     * redrawn after the previous edit are lost, so the edits are repeated.
     */
    private void repeatUntilCardShows(String nodeId, String expected, Runnable edits) {
        waitUntil(driver -> {
            edits.run();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3))
                        .until(ignored -> textOf("flow-node-" + nodeId).contains(expected));
                return true;
            } catch (org.openqa.selenium.TimeoutException e) {
                return false;
            }
        });
    }

    /** Types a new Chinese name into the property panel until the node's card shows it. */
    private void rename(String nodeId, String name) {
        repeatUntilCardShows(nodeId, name,
                () -> chromium.replaceText("flow-prop-name-zh", name, RENDER_TIMEOUT));
    }

    /**
     * Chooses an option of a Vaadin select; a select that is redrawn once chosen, as the assignee kind is, ends
     * the wait with a stale element, which counts as chosen.
     */
    private void chooseOption(String fieldId, String label) {
        try {
            chromium.chooseOption(fieldId, label, RENDER_TIMEOUT);
        } catch (StaleElementReferenceException e) {
            waitFor(By.id(fieldId));
        }
    }

    /** Adds a node of {@code type} with a "+" button and waits until its card shows and the menu has closed. */
    private void addNode(String plusButton, String type, String newId) {
        clickId(plusButton);
        clickId("flow-add-type-" + type);
        waitFor(By.id("flow-node-" + newId));
        waitUntil(driver -> driver.findElements(By.id("flow-add-type-" + type)).isEmpty());
    }

    /** Clicks a node card and waits until the property panel shows that node. */
    private void selectNode(String id) {
        try {
            // A click can land on an overlay that is still closing, so it is repeated until the panel follows.
            waitUntil(driver -> {
                chromium.click(waitFor(By.id("flow-node-" + id)));
                return id.equals(driver.findElement(By.cssSelector("#flow-prop-id input")).getDomProperty("value"));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Node " + id + " not selected; the panel shows: " + textOf("flow-properties")
                    + " / canvas: " + textOf("flow-canvas"), e);
        }
    }

    /** Clicks the element {@code id}, looking it up again when the canvas was redrawn in between. */
    private void clickId(String id) {
        waitUntil(driver -> {
            chromium.click(waitFor(By.id(id)));
            return true;
        });
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitForAttribute(By locator, String attribute, String value) {
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.attributeToBe(locator, attribute,
                value));
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, RENDER_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class).until(condition);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

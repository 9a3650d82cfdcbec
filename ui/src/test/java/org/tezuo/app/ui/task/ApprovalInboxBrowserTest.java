package org.tezuo.app.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActions;
import org.tezuo.workflow.approval.ApprovalStarter;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.CcNode;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import org.tezuo.workflow.definition.Label;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox and the task page in headless Chromium. The work leader sees the to-do count on a desktop window and
 * transfers (转办) the task to a safety engineer whose name has 4-byte characters. The engineer, on a phone-sized
 * window, gets the inbox as cards, attaches a file, signs on the canvas with pointer strokes and approves. The
 * permit's history then shows both rows with the signature image, and a carbon copy shows as unread until opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalInboxBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String WELDER_ID_NUMBER = "110105198503152014";
    /** Node and person names with characters outside the Basic Multilingual Plane (4 bytes in UTF-8). */
    private static final String NODE_NAME = "作业负责人𠀀";
    private static final String ENGINEER_NAME = "𡃁工程师";

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
    MetadataStore metadata;

    @Autowired
    PermitDrafter drafter;

    @Autowired
    ApprovalStarter starter;

    @Autowired
    FlowActions actions;

    @Autowired
    RuntimeService runtime;

    private long tenantId;
    private String applicant;
    private String leader;
    private String engineer;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", new Dimension(1280, 900));
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
        TemplateInstaller.Installation installation = installer.createTenant("ui-inbox-" + suffix,
                "待办测试化工", "lng-terminal", SHANGHAI, "test");
        tenantId = installation.tenant().id();
        long maintenance = installation.orgUnitIds().get("MAINT");
        long safety = installation.orgUnitIds().get("SAFETY");

        Person welder = qualifications.upsertPerson(tenantId,
                new PersonData("李焊工", "男", WELDER_ID_NUMBER, "维修车间", "焊工"));
        LocalDate today = LocalDate.now(SHANGHAI);
        qualifications.upsertCertificate(tenantId, welder.id(), new CertificateData("T" + WELDER_ID_NUMBER,
                "焊接与热切割作业", "熔化焊接与热切割作业", today.minusYears(2), DatePrecision.DAY,
                today.minusYears(2), today.plusYears(4), DatePrecision.DAY, today.plusYears(1), null,
                "北京市应急管理局"), CertificateState.VALID);
        applicant = "welder-" + suffix;
        leader = "leader-" + suffix;
        engineer = "engineer-" + suffix;
        accounts.create(tenantId, applicant, PASSWORD, "李焊工", Set.of("WORKER"), maintenance, WELDER_ID_NUMBER);
        accounts.create(tenantId, leader, PASSWORD, "王负责", Set.of("WORK_LEADER"), maintenance, null);
        accounts.create(tenantId, engineer, PASSWORD, ENGINEER_NAME, Set.of("SAFETY_ENGINEER"), safety, null);
    }

    @Test
    void transferThenSignedApprovalShowInHistory() throws IOException {
        MetadataDocument flow = publishSignedFlow();
        Permit permit = startApproval(flow);

        chromium.signIn(url("/login"), leader, PASSWORD, TIMEOUT);
        browser.get(url("/tasks"));
        WebElement todo = waitFor(By.id("tab-todo"));
        waitForAttribute(todo, "data-count", "1");
        assertThat(todo.getText()).contains("待办（1）");
        assertThat(waitFor(By.id("inbox-grid")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("task-list")).isDisplayed()).isFalse();
        screenshot("inbox-desktop");
        chromium.click(waitFor(By.cssSelector("#inbox-grid vaadin-button")));

        waitFor(By.id("task-decision"));
        assertThat(waitFor(By.id("task-signature")).isDisplayed()).isTrue();
        assertThat(waitFor(By.id("instance-diagram")).getText()).contains("流程图");
        chromium.click(browser.findElement(By.id("transfer")));
        WebElement target = waitFor(By.cssSelector("#transfer-to input"));
        target.sendKeys(engineer);
        WebElement choice = new WebDriverWait(browser, TIMEOUT).until(driver -> driver.findElements(
                        By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().contains(engineer))
                .findFirst().orElse(null));
        chromium.click(choice);
        waitFor(By.cssSelector("#dialog-transfer-comment textarea")).sendKeys("出差三天，请代为审批", Keys.TAB);
        chromium.click(browser.findElement(By.id("dialog-transfer-confirm")));
        awaitInbox("transfer");
        waitForAttribute(waitFor(By.id("tab-todo")), "data-count", "0");

        browser.manage().window().setSize(new Dimension(390, 844));
        chromium.signIn(url("/login"), engineer, PASSWORD, TIMEOUT);
        browser.get(url("/tasks"));
        waitForAttribute(waitFor(By.id("tab-todo")), "data-count", "1");
        WebElement cards = waitFor(By.id("task-list"));
        assertThat(cards.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("inbox-grid")).isDisplayed()).isFalse();
        assertThat(cards.findElements(By.cssSelector(".tezuo-task"))).hasSize(1);
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        screenshot("inbox-phone");
        chromium.click(waitFor(By.id("open-task-" + permit.id())));

        waitFor(By.id("task-decision"));
        attach("检测报告.txt");
        drawSignature();
        waitFor(By.cssSelector("#approval-comment textarea")).sendKeys("同意，已到现场复核", Keys.TAB);
        screenshot("task-phone-signed");
        chromium.click(browser.findElement(By.id("approve")));
        awaitInbox("approve");

        browser.get(url("/permits/" + permit.id() + "/detail"));
        WebElement history = waitFor(By.id("approval-history"));
        List<WebElement> rows = history.findElements(By.cssSelector(".tezuo-history-entry"));
        assertThat(rows).extracting(row -> row.getAttribute("data-operation"))
                .containsExactly("TRANSFERRED", "APPROVED");
        assertThat(rows.get(0).getText()).contains("王负责", "转办", ENGINEER_NAME, NODE_NAME, "出差三天，请代为审批");
        assertThat(rows.get(1).getText()).contains(ENGINEER_NAME, "同意", "同意，已到现场复核", "检测报告.txt");
        WebElement signature = rows.get(1).findElement(By.cssSelector("img.tezuo-signature-thumbnail"));
        new WebDriverWait(browser, TIMEOUT).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", signature));
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        screenshot("history-phone");
    }

    @Test
    void copyStaysUnreadUntilOpened() throws IOException {
        MetadataDocument flow = publishSignedFlow();
        Permit permit = startApproval(flow);
        copyTo(applicant, flow, permit);

        browser.manage().window().setSize(new Dimension(1280, 900));
        chromium.signIn(url("/login"), applicant, PASSWORD, TIMEOUT);
        browser.get(url("/tasks"));
        WebElement copied = waitFor(By.id("tab-copied"));
        waitForAttribute(copied, "data-unread", "1");
        assertThat(copied.getText()).contains("抄送我（1，未读 1）");
        chromium.click(copied);
        WebElement marker = waitFor(By.cssSelector("#inbox-grid .tezuo-unread-marker"));
        assertThat(marker.getText()).isEqualTo("未读");
        chromium.click(waitFor(By.cssSelector("#inbox-grid vaadin-button")));

        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.urlContains("/permits/" + permit.id()));
        browser.get(url("/tasks"));
        waitForAttribute(waitFor(By.id("tab-copied")), "data-unread", "0");
        assertThat(waitFor(By.id("tab-copied")).getText()).contains("抄送我（1）");
    }

    /** Publishes a flow whose one step needs a handwritten signature from the permit's work leader. */
    private MetadataDocument publishSignedFlow() {
        ObjectNode body = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.FLOW, "hot-work-approval")
                .body().deepCopy();
        body.putObject("name").put("zh", "动火作业审批𡃁").put("en", "Hot-work approval");
        ArrayNode nodes = (ArrayNode) body.path("nodes");
        ObjectNode first = (ObjectNode) nodes.get(0).deepCopy();
        first.putObject("name").put("zh", NODE_NAME).put("en", "Work leader");
        first.put("requiresSignature", true);
        first.put("requiresRiskConfirmation", false);
        nodes.removeAll();
        nodes.add(first);
        return metadata.saveAndPublish(tenantId, MetadataKind.FLOW, "hot-work-approval", body, "test");
    }

    /** Drafts a permit naming the work leader and starts its approval, as a submission would. */
    private Permit startApproval(MetadataDocument flow) {
        Actor actor = new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE);
        ObjectNode data = drafter.initialData(actor, "hot-work");
        data.put("location", "2 号码头𠀀管廊");
        data.put("workLeader", leader);
        Permit permit = drafter.create(actor, "hot-work", data);
        starter.start(tenantId, flow.key(), flow.version(), PermitSubmitter.businessKey(permit.id()), applicant,
                permit.data());
        return permit;
    }

    /** Runs the carbon-copy action of the workflow engine for one recipient, as a 抄送 node would. */
    private void copyTo(String recipient, MetadataDocument flow, Permit permit) {
        FlowDefinition definition = new FlowDefinitionParser().parse(flow);
        CcNode node = new CcNode("copyApplicant", new Label("抄送申请人", "Copy to applicant"),
                AssigneeSpec.user(recipient));
        String processInstanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(PermitSubmitter.businessKey(permit.id()))
                .singleResult()
                .getId();
        actions.find("cc").orElseThrow().execute(new FlowActionContext(tenantId, processInstanceId,
                PermitSubmitter.businessKey(permit.id()), definition, node, applicant, permit.data(), null));
    }

    /** Uploads a small text file through the attachment field's file input. */
    private void attach(String fileName) throws IOException {
        Path directory = Files.createTempDirectory("tezuo-attachment-");
        Path file = Files.writeString(directory.resolve(fileName), "可燃气体 0 %LEL", StandardCharsets.UTF_8);
        WebElement upload = waitFor(By.id("attachment-upload"));
        WebElement input = (WebElement) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].querySelector('input[type=file]')"
                        + " || arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(file.toString());
        new WebDriverWait(browser, TIMEOUT).until(driver -> driver.findElements(
                By.cssSelector("#attachment-list .tezuo-attachment")).size() == 1);
    }

    /** Draws two strokes on the signature canvas with pointer actions, as a finger or mouse would. */
    private void drawSignature() {
        WebElement pad = waitFor(By.id("signature-pad"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", pad);
        WebElement canvas = (WebElement) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].shadowRoot.querySelector('canvas');", pad);
        new Actions(browser)
                .moveToElement(canvas, -80, 10).clickAndHold().moveByOffset(30, -20).moveByOffset(30, 25)
                .moveByOffset(40, -15).release()
                .moveToElement(canvas, -60, -20).clickAndHold().moveByOffset(90, 0).release()
                .perform();
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return arguments[0].empty;", pad))
                .isFalse();
    }

    /** Waits for the inbox after an operation; a refusal shows as a notification instead. */
    private void awaitInbox(String operation) {
        try {
            new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.urlMatches("/tasks$"));
        } catch (TimeoutException e) {
            throw new AssertionError(operation + " did not finish: " + textOf(By.tagName("vaadin-notification-card"))
                    + textOf(By.cssSelector("[id$='-error']")), e);
        }
    }

    private void waitForAttribute(WebElement element, String attribute, String value) {
        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.attributeToBe(element, attribute, value));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private String textOf(By locator) {
        return browser.findElements(locator).stream().map(WebElement::getText).reduce("", (a, b) -> a + " " + b);
    }

    private long pageWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
    }

    /** Saves the window to target/inbox-screenshots for a person to look at; the test does not compare it. */
    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "inbox-screenshots"));
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

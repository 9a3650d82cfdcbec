package org.tezuo.app.ui.permit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitRiskScore;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hot-work permit from start to QR code in headless Chromium at phone size (375×812). The applicant fills the
 * form generated from the LNG template's form document and submits it. The four approvers of the flow each
 * confirm every risk item and approve, and the issued permit's QR page shows the number and no ID number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotWorkPermitBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    /** An ID number with a valid check digit; the page must never show it. */
    private static final String WELDER_ID_NUMBER = "110105198503152014";
    private static final String WELDER_CERTIFICATE = "T" + WELDER_ID_NUMBER;
    private static final String WEATHER_KEY_VARIABLE = "TEZUO_UI_TEST_WEATHER_KEY";
    private static final String WEATHER_KEY = "ui-test-weather-key";

    private static Path profileDirectory;
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
    PermitStore permits;

    @Autowired
    JsonMapper json;

    private QWeatherStubServer weather;
    private long tenantId;
    private String applicant;
    private String workLeader;
    private String unitHead;
    private String safetyEngineer;
    private String safetyDirector;

    @BeforeAll
    static void startBrowser() throws IOException {
        profileDirectory = Files.createTempDirectory("tezuo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", "--user-data-dir=" + profileDirectory);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(375, 812));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profileDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void seedTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("ui-permit-" + suffix,
                "浏览器测试液化天然气接收站", "lng-terminal", SHANGHAI, "test");
        tenantId = installation.tenant().id();
        long maintenance = installation.orgUnitIds().get("MAINT");
        long safety = installation.orgUnitIds().get("SAFETY");

        Person welder = qualifications.upsertPerson(tenantId,
                new PersonData("李焊工", "男", WELDER_ID_NUMBER, "维修车间", "焊工"));
        LocalDate today = LocalDate.now(SHANGHAI);
        qualifications.upsertCertificate(tenantId, welder.id(), new CertificateData(WELDER_CERTIFICATE,
                "焊接与热切割作业", "熔化焊接与热切割作业", today.minusYears(2), DatePrecision.DAY,
                today.minusYears(2), today.plusYears(4), DatePrecision.DAY, today.plusYears(1), null,
                "北京市应急管理局"), CertificateState.VALID);

        applicant = "welder-" + suffix;
        workLeader = "leader-" + suffix;
        unitHead = "head-" + suffix;
        safetyEngineer = "engineer-" + suffix;
        safetyDirector = "director-" + suffix;
        accounts.create(tenantId, applicant, PASSWORD, "李焊工", Set.of("WORKER"), maintenance, WELDER_ID_NUMBER);
        accounts.create(tenantId, workLeader, PASSWORD, "王负责", Set.of("WORK_LEADER"), maintenance, null);
        accounts.create(tenantId, unitHead, PASSWORD, "赵主任", Set.of("UNIT_HEAD"), maintenance, null);
        accounts.create(tenantId, safetyEngineer, PASSWORD, "钱安全", Set.of("SAFETY_ENGINEER"), safety, null);
        accounts.create(tenantId, safetyDirector, PASSWORD, "孙总监", Set.of("SAFETY_DIRECTOR"), safety, null);

        System.setProperty(WEATHER_KEY_VARIABLE.toLowerCase().replace('_', '.'), WEATHER_KEY);
        weather = QWeatherStubServer.start(WEATHER_KEY);
        weather.setObservation("12", "3", "8", "40", OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES));
        ObjectNode connector = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, "weather")
                .body().deepCopy();
        connector.put("baseUrl", weather.baseUrl().toString());
        connector.putObject("credentials").put("apiKeyEnv", WEATHER_KEY_VARIABLE);
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "weather", connector, "test");
    }

    @AfterEach
    void stopWeather() {
        if (weather != null) {
            weather.close();
        }
    }

    @Test
    void hotWorkPermitReachesQrPage() throws IOException {
        signIn(applicant);
        browser.get(url("/permits"));
        click(waitFor(By.id("new-permit-hot-work")));
        waitFor(By.id("field-applicantUnit"));
        assertThat(waitFor(By.id("permit-editor-title")).getText()).isEqualTo("新建动火安全作业票");

        fillHotWorkForm();
        screenshot("permit-editor");
        click(browser.findElement(By.id("submit-permit")));
        long permitId = submittedPermitId();
        assertThat(permits.find(tenantId, permitId).orElseThrow().data().path("grade").asString()).isEqualTo("特级");
        assertThat(waitFor(By.id("permit-status")).getAttribute("data-status")).isEqualTo("IN_APPROVAL");
        assertThat(pageWidth()).isLessThanOrEqualTo(375);
        screenshot("permit-submitted");

        for (String approver : List.of(workLeader, unitHead, safetyEngineer, safetyDirector)) {
            approve(approver, permitId);
        }

        Permit issued = permits.find(tenantId, permitId).orElseThrow();
        assertThat(issued.status()).isEqualTo(PermitStatus.ISSUED);
        browser.get(url("/permits/" + permitId + "/detail"));
        WebElement link = waitFor(By.id("e-permit-link"));
        WebElement qrImage = waitFor(By.id("qr-image"));
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", qrImage));
        assertThat(link.getAttribute("href")).isEqualTo(url("/e-permit/" + issued.qrToken()));
        PermitRiskScore score = permits.riskScore(tenantId, permitId).orElseThrow();
        assertThat(waitFor(By.id("risk-score")).getText()).contains("风险评分", score.total() + " 分",
                score.bandZh(), score.items().getFirst().labelZh());
        assertThat(waitFor(By.id("risk-items")).getText()).contains("限值：", "（来源：", "（动火作业）")
                .doesNotContain("hot-work.");
        screenshot("permit-issued");

        browser.get(link.getAttribute("href"));
        String permitNumber = waitFor(By.id("epermit-number")).getText();
        String page = waitFor(By.id("epermit")).getText();

        assertThat(permitNumber).isEqualTo(issued.permitNumber()).startsWith("DH-");
        assertThat(waitFor(By.id("risk-score")).getText()).contains(score.total() + " 分", score.bandZh());
        assertThat(page).contains("动火安全作业票", "已签发", "1 号储罐区东侧管廊", "李焊工", "王负责", "孙总监",
                "已现场核查", "值班室");
        assertThat(browser.getPageSource()).doesNotContain(WELDER_ID_NUMBER).doesNotContain("152014");
        assertThat(pageWidth()).isLessThanOrEqualTo(375);
        screenshot("e-permit");

        browser.get(url("/e-permit/" + "x".repeat(43)));
        assertThat(waitFor(By.id("epermit-not-found")).getText()).isEqualTo("该电子作业票不存在或已撤销");
    }

    /** Fills every required field of the hot-work form through the generated inputs. */
    private void fillHotWorkForm() {
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusMinutes(15).truncatedTo(ChronoUnit.MINUTES);
        type("field-applicantUnit", "维修车间");
        type("field-workUnit", "维修车间焊工班");
        choosePerson("field-workLeader", "王负责");
        choosePerson("field-guardian", "赵主任");
        type("field-workContent", "更换 3 号管线法兰并焊接");
        type("field-location", "1 号储罐区东侧管廊");
        chooseOption("field-areaClass", "管廊上");
        // The server shows the running-equipment check box once it has the area class; a hidden one takes no input.
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("field-onRunningEquipment")));
        click(waitFor(By.cssSelector("#field-onRunningEquipment input")));
        type("field-method", "电焊");
        setDateTime("field-workStart", start);
        setDateTime("field-workEnd", start.plusHours(4));
        click(browser.findElement(By.cssSelector("#field-openAir input")));

        click(browser.findElement(By.id("add-workers")));
        type("field-workers-0-name", "李焊工");
        type("field-workers-0-idNumber", WELDER_ID_NUMBER);
        type("field-workers-0-certNumber", WELDER_CERTIFICATE);

        click(browser.findElement(By.id("add-gasAnalyses")));
        setDateTime("field-gasAnalyses-0-time", start.minusMinutes(20));
        type("field-gasAnalyses-0-point", "法兰下方");
        type("field-gasAnalyses-0-gas", "甲烷");
        type("field-gasAnalyses-0-result", "0");
        chooseOption("field-gasAnalyses-0-unit", "%LEL（爆炸下限百分比）");
        type("field-gasAnalyses-0-analyst", "周分析");

        // 特级 hot work is video-recorded throughout, so the applicant ticks the camera measure (row 14) as in place.
        WebElement measures = waitFor(By.id("rows-safetyMeasures"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollToIndex(13);", measures);
        click(new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> driver
                .findElements(By.xpath("//vaadin-grid-cell-content[contains(., '配备的摄录设备已到位')]")).stream()
                .findFirst().orElse(null)));
        click(waitFor(By.cssSelector("#field-safetyMeasures-13-applies input")));
        choosePerson("field-safetyMeasures-13-confirmedBy", "王负责");

        type("field-riskIdentification", "可燃气体泄漏、火花飞溅");
        click(browser.findElement(By.id("add-emergencyContacts")));
        type("field-emergencyContacts-0-name", "值班室");
        type("field-emergencyContacts-0-phone", "0571-87654321");
    }

    /** Waits for the permit detail page after submission and returns the id from its URL. */
    private long submittedPermitId() {
        try {
            new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.urlMatches("/permits/\\d+/detail$"));
        } catch (TimeoutException e) {
            throw new AssertionError("Submission was not accepted: " + textOf(By.id("submit-refusal"))
                    + textOf(By.id("form-problems")) + textOf(By.tagName("vaadin-notification-card")), e);
        }
        String path = browser.getCurrentUrl().replaceFirst("^.*/permits/(\\d+)/detail$", "$1");
        return Long.parseLong(path);
    }

    /** Signs in as the approver, confirms every risk item of the permit's task and approves it. */
    private void approve(String approver, long permitId) throws IOException {
        signIn(approver);
        assertThat(waitFor(By.id("task-count")).getAttribute("data-count")).isEqualTo("1");
        browser.get(url("/tasks"));
        click(waitFor(By.id("open-task-" + permitId)));
        waitFor(By.id("task-decision"));

        List<WebElement> decisions = browser.findElements(By.cssSelector("[id^='risk-decision-']"));
        assertThat(decisions).isNotEmpty();
        for (WebElement decision : decisions) {
            click(decision.findElements(By.cssSelector("vaadin-radio-button input")).getFirst());
        }
        type("risk-note-0", "现场已复核");
        click(browser.findElement(By.id("save-confirmations")));
        waitForText(By.tagName("vaadin-notification-card"), "已保存 " + decisions.size() + " 项核查结果");
        screenshot("task-" + approver.substring(0, approver.indexOf('-')));

        type("approval-comment", "同意，按措施执行");
        click(browser.findElement(By.id("approve")));
        try {
            waitFor(By.id("task-list"));
        } catch (TimeoutException e) {
            throw new AssertionError(approver + " could not approve: "
                    + textOf(By.tagName("vaadin-notification-card")), e);
        }
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        waitFor(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitFor(By.id("home-greeting"));
    }

    /** Types into the text input or text area of a Vaadin field and leaves it, so the value is sent. */
    private void type(String fieldId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        scrollTo(input);
        input.sendKeys(text, Keys.TAB);
    }

    /** Types a person's display name into a person combo box and presses Enter. */
    private void choosePerson(String fieldId, String displayName) {
        WebElement input = waitFor(By.cssSelector("#" + fieldId + " input"));
        scrollTo(input);
        input.sendKeys(displayName, Keys.ENTER);
        input.sendKeys(Keys.TAB);
    }

    /** Opens a Vaadin select and clicks the item with this label. */
    private void chooseOption(String fieldId, String label) {
        WebElement select = waitFor(By.id(fieldId));
        ((JavascriptExecutor) browser).executeScript("arguments[0].opened = true;", select);
        WebElement item = new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> driver
                .findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", item);
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> !Boolean.TRUE.equals(
                ((JavascriptExecutor) driver).executeScript("return arguments[0].opened;", select)));
    }

    /** Sets a Vaadin date-time picker as the browser would after both parts are entered. */
    private void setDateTime(String fieldId, LocalDateTime value) {
        WebElement picker = waitFor(By.id(fieldId));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new CustomEvent('change'));",
                picker, value.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    }

    private void click(WebElement element) {
        scrollTo(element);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitForText(By locator, String text) {
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(locator,
                text));
    }

    private String textOf(By locator) {
        return browser.findElements(locator).stream().map(WebElement::getText).reduce("", (a, b) -> a + " " + b);
    }

    /** Returns the document's scroll width in CSS pixels; above the window width means sideways scrolling. */
    private long pageWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
    }

    /** Saves the window to target/permit-screenshots for a person to look at; the test does not compare it. */
    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "permit-screenshots"));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(directory.resolve(name + ".png"), png);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package org.tezuo.app.ui.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
import org.springframework.context.ApplicationEventPublisher;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.notification.DeliveryDispatcher;
import org.tezuo.core.notification.Notice;
import org.tezuo.core.notification.NoticeInbox;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * My notices (/notices) in headless Chromium at a 360 px phone width: one card per notice with the sender's display
 * name, no sideways scrolling, and marking read and opening that work with a tap. The delivery log shows the
 * recipient's display name as well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tezuo.notification.poll-interval=0", "tezuo.notification.max-attempts=1", "INBOX_TEST_ROBOT_KEY=key"})
class NoticeInboxBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Dimension PHONE = new Dimension(360, 740);
    private static final Dimension DESK = new Dimension(1280, 900);

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    NoticeInbox inbox;

    @Autowired
    MetadataStore metadata;

    @Autowired
    DeliveryDispatcher dispatcher;

    @Autowired
    JsonMapper json;

    private long tenantId;
    private String admin;
    private String leader;
    private String worker;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", PHONE);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void createUsersWithNotices() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = installer.createTenant("inbox-" + suffix, "通知收件箱测试企业", "lng-terminal",
                ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        admin = "admin-" + suffix;
        leader = "leader-" + suffix;
        worker = "worker-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), null, null);
        accounts.create(tenantId, leader, PASSWORD, "王建国", Set.of("WORK_LEADER"), null, null);
        accounts.create(tenantId, worker, PASSWORD, "李强", Set.of("WORKER"), null, null);
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "closed-robot", json.readTree("""
                {"type":"wecom-robot","baseUrl":"http://127.0.0.1:%d","connectTimeoutMs":1000,
                 "topics":["qualification.*"],"channel":{"tokenEnv":"INBOX_TEST_ROBOT_KEY"}}"""
                .formatted(closedPort())), "admin");

        events.publishEvent(new Notice(tenantId, worker, "qualification.warning", "证书即将到期",
                "您的熔化焊接与热切割作业证（证号 T320102198805061234）将于 30 天后到期，请尽快报名复审培训，"
                        + "逾期未复审的证书失效后不能再办理动火作业票。", null));
        events.publishEvent(new Notice(tenantId, worker, "approval.urged", "催办：动火作业审批 DH-0001",
                "申请人 王建国 催办申请 DH-0001（动火作业审批），请尽快审批。", "/tasks", leader));
        dispatcher.dispatchDue();
    }

    @Test
    @DisplayName("Inbox shows readable cards on a 360 px phone")
    void inboxFitsPhone() throws IOException {
        browser.manage().window().setSize(PHONE);
        chromium.signIn(url("/login"), worker, PASSWORD, TIMEOUT);
        browser.get(url("/notices"));
        List<WebElement> cards = waitForCards(2);
        screenshot("notices-phone");

        assertThat(horizontalOverflow()).as("page scrolls sideways").isZero();
        for (WebElement card : cards) {
            assertThat(card.getRect().getWidth()).as("card width").isLessThanOrEqualTo(PHONE.getWidth());
            assertThat(card.isDisplayed()).isTrue();
        }
        WebElement urge = cards.get(0);
        assertThat(urge.getText()).contains("催办：动火作业审批 DH-0001", "发送人：王建国", "申请人 王建国 催办申请")
                .doesNotContain(leader);
        WebElement body = urge.findElement(By.cssSelector(".tezuo-notice-body"));
        assertThat(pixels(body.getCssValue("font-size"))).as("body font size").isGreaterThanOrEqualTo(14);
        WebElement warning = cards.get(1);
        assertThat(warning.getText()).contains("发送人：系统", "T3201**********1234")
                .doesNotContain("320102198805061234");
        assertThat(warning.findElement(By.cssSelector(".tezuo-notice-body")).getRect().getWidth())
                .isLessThan(PHONE.getWidth());
    }

    @Test
    @DisplayName("Tapping mark read and open updates the inbox on a phone")
    void markReadAndOpenOnPhone() {
        browser.manage().window().setSize(PHONE);
        chromium.signIn(url("/login"), worker, PASSWORD, TIMEOUT);
        browser.get(url("/notices"));
        List<WebElement> cards = waitForCards(2);
        String warningId = cards.get(1).getDomAttribute("id").substring("notice-".length());
        String urgeId = cards.get(0).getDomAttribute("id").substring("notice-".length());

        WebElement markRead = browser.findElement(By.id("notice-read-" + warningId));
        assertThat(markRead.getRect().getHeight()).as("button height").isGreaterThanOrEqualTo(44);
        chromium.click(markRead);
        // The card is re-rendered when it is marked read, so a poll may hold the old element.
        new WebDriverWait(browser, TIMEOUT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.attributeToBe(By.id("notice-" + warningId), "data-unread", "false"));

        assertThat(inbox.unreadCount(tenantId, worker)).isEqualTo(1);
        assertThat(browser.findElements(By.id("notice-read-" + warningId))).isEmpty();

        chromium.click(browser.findElement(By.id("notices-unread-only")));
        new WebDriverWait(browser, TIMEOUT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.invisibilityOfElementLocated(By.id("notice-" + warningId)));
        assertThat(browser.findElements(By.cssSelector(".tezuo-notice"))).hasSize(1);

        chromium.click(browser.findElement(By.id("notice-open-" + urgeId)));
        new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.urlToBe(url("/tasks")));
        assertThat(inbox.unreadCount(tenantId, worker)).isZero();
    }

    @Test
    @DisplayName("Delivery log names the recipient by display name")
    void deliveryLogShowsDisplayName() {
        browser.manage().window().setSize(DESK);
        chromium.signIn(url("/login"), admin, PASSWORD, TIMEOUT);
        browser.get(url("/notification-deliveries"));

        WebElement grid = new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                By.id("deliveries-grid")));
        new WebDriverWait(browser, TIMEOUT).until(driver -> grid.getText().contains("证书即将到期"));

        assertThat(grid.getText()).contains("李强").doesNotContain(worker);
    }

    /** Saves the window to target/notice-screenshots for a person to look at; the test does not compare it. */
    private static void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "notice-screenshots"));
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private List<WebElement> waitForCards(int count) {
        return new WebDriverWait(browser, TIMEOUT).until(driver -> {
            List<WebElement> cards = driver.findElements(By.cssSelector("#notices-list .tezuo-notice"));
            return cards.size() == count ? cards : null;
        });
    }

    private long horizontalOverflow() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
        return ((Number) overflow).longValue();
    }

    private static double pixels(String cssLength) {
        return Double.parseDouble(cssLength.replace("px", ""));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

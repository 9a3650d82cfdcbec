package org.tezuo.app.ui.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.query.WorkOrderRecords;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import tools.jackson.databind.json.JsonMapper;

/** The 查询 page in headless Chromium: a query with a parameter shows its rows and SQL, a bad name its position. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryViewBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);

    private static Path profileDirectory;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void startBrowser() throws IOException {
        profileDirectory = Files.createTempDirectory("tezuo-chromium-query-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--lang=zh-CN", "--user-data-dir=" + profileDirectory);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
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

    @Test
    void queryShowsRowsSqlAndErrorPosition() {
        String admin = tenantWithWorkOrders();
        browser.get(url("/login"));
        waitFor(By.name("username")).sendKeys(admin);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitFor(By.id("home-greeting"));
        browser.get(url("/query"));

        type("select status, count(*) as orders from work_order where site = :site group by status");
        WebElement parameter = waitFor(By.cssSelector("#query-parameter-site input"));
        parameter.sendKeys("east", Keys.TAB);
        click(waitFor(By.id("query-run")));
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("query-database-sql"), "GROUP BY"));
        String gridText = (String) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                        + ".map(cell => cell.textContent).join('|');", browser.findElement(By.id("query-grid")));
        String summary = browser.findElement(By.id("query-summary")).getText();

        type("select * from app_user");
        click(browser.findElement(By.id("query-run")));
        new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("query-error")));
        String error = browser.findElement(By.id("query-error")).getText();

        assertThat(gridText).contains("open").contains("2");
        assertThat(summary).isEqualTo("共 1 行");
        assertThat(browser.findElement(By.id("query-database-sql")).getText()).contains("\"site\" = ?");
        assertThat(error).isEqualTo("SQL 第 1 行第 15 列：没有可查询的实体“app_user”。本企业可查询的实体：work_order");
    }

    private String tenantWithWorkOrders() {
        long tenantId = tenants.create("qv-" + UUID.randomUUID(), "查询页面测试企业", null,
                ZoneId.of("Asia/Shanghai")).id();
        String admin = accounts.create(tenantId, "admin-" + UUID.randomUUID(), PASSWORD, "管理员",
                Set.of("SYSTEM_ADMIN"), null, null).username();
        WorkOrderRecords.create(tenantId, store, jdbc, json);
        return admin;
    }

    /** Replaces the SQL in the text area and leaves it, so the value reaches the server. */
    private void type(String sql) {
        WebElement input = waitFor(By.cssSelector("#query-sql textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(sql, Keys.TAB);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[0].click();", element);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package org.tezuo.app.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.templates.TemplateInstaller;

/**
 * The qualification-health report screen in headless Chromium: a safety director generates last month's report
 * of a tenant from the LNG template, sees it listed with its figures by unit, and downloads the PDF and the xlsx
 * workbook with the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthReportsBrowserTest {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Anquan-2026";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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

    private String director;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("zh-CN", new Dimension(1600, 1000));
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Two welders in 维修车间, one with a valid welding certificate, and an electrician of 电仪车间 with none. */
    @BeforeEach
    void tenantWithPostHolders() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("health-ui-" + suffix, "月报页面测试企业",
                "lng-terminal", SHANGHAI, "test");
        long tenantId = installation.tenant().id();
        director = "director-" + suffix;
        accounts.create(tenantId, director, PASSWORD, "安全总监", Set.of("SAFETY_DIRECTOR"),
                installation.orgUnitIds().get("HQ"), null);

        Person welder = qualifications.upsertPerson(tenantId, new PersonData("王焊工", "男", "320102198805061234",
                "维修车间", "焊工"));
        qualifications.upsertPerson(tenantId, new PersonData("赵焊工", "男", "320102198905061236", "维修车间", "焊工"));
        qualifications.upsertPerson(tenantId, new PersonData("钱电工", "女", "320102199005061238", "电仪车间", "电工"));
        LocalDate today = LocalDate.now(SHANGHAI);
        qualifications.upsertCertificate(tenantId, welder.id(), new CertificateData("T320102198805061234",
                "焊接与热切割作业", "熔化焊接与热切割作业", today.minusYears(3), DatePrecision.DAY,
                today.minusYears(2), today.plusYears(4), DatePrecision.DAY, today.plusYears(1), null,
                "南京市应急管理局"), CertificateState.VALID);
    }

    @Test
    @DisplayName("Director generates a report, sees its figures and downloads both files")
    void generateListAndDownload() {
        YearMonth lastMonth = YearMonth.now(SHANGHAI).minusMonths(1);
        chromium.signIn(url("/login"), director, PASSWORD, RENDER_TIMEOUT);
        browser.get(url("/health-reports"));
        chromium.replaceText("health-report-month", lastMonth.toString(), RENDER_TIMEOUT);
        chromium.click(waitFor(By.id("health-report-generate")));
        waitFor(By.cssSelector("#health-report-rows span[data-depth]"));

        assertThat(cellTexts("health-reports-grid")).contains(lastMonth.toString());
        List<WebElement> units = browser.findElements(By.cssSelector("#health-report-rows span[data-depth]"));
        assertThat(units).extracting(WebElement::getText).startsWith("全企业合计", "演示化工有限公司")
                .contains("LNG 接收站", "维修车间", "电仪车间");
        assertThat(units).extracting(unit -> unit.getDomAttribute("data-depth")).startsWith("0", "1");
        WebElement workshop = units.stream().filter(unit -> unit.getText().equals("维修车间")).findFirst()
                .orElseThrow();
        assertThat(workshop.getDomAttribute("data-depth")).isEqualTo("3");
        assertThat(cellTexts("health-report-rows")).contains("需持证岗位人员", "合计", "公司", "厂区", "车间", "3",
                "33.3%");
        assertThat(waitFor(By.id("health-report-figures")).getText()).contains("人员范围：在需持证岗位上的人员");

        List<WebElement> links = browser.findElements(By.cssSelector("#health-reports-grid a[download]"));
        assertThat(links).extracting(WebElement::getText).containsExactly("PDF", "Excel");
        assertThat(download(links.get(0).getDomProperty("href"))).isEqualTo("200 application/pdf %PDF-");
        assertThat(download(links.get(1).getDomProperty("href"))).isEqualTo(
                "200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet PK\u0003\u0004");
    }

    /** Fetches {@code href} in the page with the session; returns the status, content type and first bytes. */
    private String download(String href) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0])
                    .then(async r => {
                        const bytes = new Uint8Array(await r.arrayBuffer());
                        const start = String.fromCharCode(...bytes.slice(0, r.headers.get('Content-Type')
                            .startsWith('application/pdf') ? 5 : 4));
                        done(r.status + ' ' + r.headers.get('Content-Type').split(';')[0] + ' ' + start);
                    })
                    .catch(e => done(String(e)));""", href);
        return String.valueOf(result);
    }

    private List<String> cellTexts(String gridId) {
        return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, RENDER_TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package org.tezuo.app.ui.permit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.HeadlessChromium;
import org.tezuo.templates.TemplateInstaller;

/**
 * The new-permit screen in headless Chromium at phone size (375×812). It offers the confined-space, blind-flange,
 * work-at-height and lifting permits. The work-at-height form shows the grade computed from the height and the fall
 * factors while the user types, and the draft is saved with them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkAtHeightPermitBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);

    /** Returns the label of the item a Vaadin select shows, whichever way the select renders its items. */
    private static final String SELECTED_LABEL = """
            const select = arguments[0];
            const button = select.querySelector('vaadin-select-value-button');
            if (button && button.textContent.trim()) {
              return button.textContent.trim();
            }
            const item = [...document.querySelectorAll('vaadin-select-item')]
                .find(candidate => candidate.value === select.value);
            return item ? item.textContent.trim() : '';
            """;

    private static HeadlessChromium browser;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PermitStore permits;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start("zh-CN", new Dimension(375, 812));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("A worker picks the work-at-height permit and sees the grade follow the height and the factors")
    void gradeFollowsHeightAndFactors() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("ui-height-" + suffix,
                "高处作业浏览器测试化工", "lng-terminal", SHANGHAI, "test");
        long tenantId = installation.tenant().id();
        String applicant = "scaffolder-" + suffix;
        accounts.create(tenantId, applicant, PASSWORD, "段架子工", Set.of("WORKER"),
                installation.orgUnitIds().get("MAINT"), null);

        browser.signIn(url("/login"), applicant, PASSWORD, RENDER_TIMEOUT);
        browser.driver().get(url("/permits"));
        List<String> offered = List.of("confined-space", "blind-flange", "work-at-height", "lifting").stream()
                .map(type -> waitFor(By.id("new-permit-" + type)).getText())
                .toList();
        browser.click(waitFor(By.id("new-permit-work-at-height")));
        String title = waitFor(By.id("permit-editor-title")).getText();
        browser.replaceText("field-workingHeightMetres", "18", RENDER_TIMEOUT);
        String gradeAtEighteenMetres = selectedLabelOnceSet("field-grade", "III级");
        browser.click(waitFor(By.cssSelector("#field-fallHazardFactors-coldAir input")));
        String gradeWithColdAir = selectedLabelOnceSet("field-grade", "IV级");
        String method = selectedLabel("field-classificationMethod");
        browser.replaceText("field-location", "LNG 储罐 T-101 罐顶平台", RENDER_TIMEOUT);
        browser.click(waitFor(By.id("save-draft")));
        new WebDriverWait(browser.driver(), RENDER_TIMEOUT).until(ExpectedConditions.urlMatches("/permits/\\d+$"));

        assertThat(offered).allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(String.join(" ", offered)).contains("受限空间", "盲板抽堵", "高处", "吊装");
        assertThat(title).isEqualTo("新建高处安全作业票");
        assertThat(gradeAtEighteenMetres).isEqualTo("III级");
        assertThat(gradeWithColdAir).isEqualTo("IV级");
        assertThat(method).isEqualTo("B 类法（存在客观危险因素）");
        List<Permit> drafts = permits.list(tenantId, 10);
        assertThat(drafts).hasSize(1);
        assertThat(drafts.getFirst().permitType()).isEqualTo("work-at-height");
        assertThat(drafts.getFirst().data().path("workingHeightMetres").decimalValue()).isEqualByComparingTo("18");
        assertThat(drafts.getFirst().data().path("fallHazardFactors").path("coldAir").asBoolean()).isTrue();
    }

    /** Waits until the select shows {@code expected}, then returns what it shows. */
    private String selectedLabelOnceSet(String fieldId, String expected) {
        WebElement select = waitFor(By.id(fieldId));
        try {
            new WebDriverWait(browser.driver(), RENDER_TIMEOUT)
                    .until(driver -> expected.equals(selectedLabel(select)));
        } catch (TimeoutException e) {
            // The assertion on the returned label names what the select showed instead.
        }
        return selectedLabel(select);
    }

    private String selectedLabel(String fieldId) {
        return selectedLabel(waitFor(By.id(fieldId)));
    }

    private String selectedLabel(WebElement select) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(SELECTED_LABEL, select));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser.driver(), RENDER_TIMEOUT)
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

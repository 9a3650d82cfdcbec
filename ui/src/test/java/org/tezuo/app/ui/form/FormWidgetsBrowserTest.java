package org.tezuo.app.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.app.ui.PhoneBrowser;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form preview of a form with every widget, in headless Chromium at phone size (375×812): a photo upload
 * with its thumbnail, the too-large and wrong-type errors, a drawn signature, the Chinese date picker and a table
 * of 200 rows. The times to load 200 rows and to add the 201st are printed and written to
 * {@code target/form-benchmarks.txt} as a measurement, never asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tezuo.files.dir=target/browser-test-files", "tezuo.files.max-image-size=1MB"})
class FormWidgetsBrowserTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    /** Returns whether the page waits for no server round trip of Vaadin Flow. */
    private static final String FLOW_IDLE = """
            const clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
            return Object.values(clients).every(client => !client.isActive || !client.isActive());""";

    /** Directory of the photos and files the test uploads. */
    private static Path workDirectory;
    private static PhoneBrowser phone;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    private String admin;
    private String otherTenantAdmin;

    @BeforeAll
    static void startBrowser() throws IOException {
        workDirectory = Files.createTempDirectory("tezuo-form-files-");
        phone = PhoneBrowser.start("zh-CN");
        browser = phone.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (phone != null) {
            phone.close();
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void seedTenant() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("ui-form-" + suffix,
                "表单控件测试企业", "lng-terminal", SHANGHAI, "test");
        long tenantId = installation.tenant().id();
        admin = "admin-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "周管理", Set.of("SYSTEM_ADMIN"),
                installation.orgUnitIds().get("SAFETY"), null);
        try (InputStream body = getClass().getResourceAsStream("all-widgets.form.json")) {
            metadata.saveAndPublish(tenantId, MetadataKind.FORM, "all-widgets", json.readTree(body), "test");
        }
        long otherTenantId = tenants.create("ui-form-other-" + suffix, "另一企业", null, SHANGHAI).id();
        otherTenantAdmin = "other-" + suffix;
        accounts.create(otherTenantId, otherTenantAdmin, PASSWORD, "吴管理", Set.of("SYSTEM_ADMIN"), null, null);
    }

    @Test
    void everyWidgetWorksOnPhone() throws Exception {
        phone.signIn(url(""), admin, PASSWORD);
        browser.get(url("/forms/all-widgets/preview"));
        waitFor(By.id("field-location"));

        assertThat(script("return document.getElementById('field-location').label;"))
                .isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(script("return document.querySelectorAll('img[src=\"x\"]').length;")).isEqualTo(0L);

        String photoId = uploadPhotoAndSeeThumbnail();
        screenshot("photo");
        seeUploadErrors();
        requiredSignatureIsReported();
        String signatureId = drawSignature();
        openChineseDatePicker();
        fillTableOf200Rows();
        screenshot("table-200-rows");

        assertThat(pageWidth()).isLessThanOrEqualTo(375);
        assertThat(download(admin, photoId).statusCode()).isEqualTo(200);
        assertThat(download(admin, signatureId).headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download(otherTenantAdmin, photoId).statusCode()).isEqualTo(404);
    }

    private String uploadPhotoAndSeeThumbnail() throws IOException {
        WebElement upload = waitFor(By.cssSelector("#field-photo vaadin-upload"));
        assertThat(upload.getDomProperty("capture")).isEqualTo("environment");
        assertThat(fileInput("field-photo").getDomAttribute("accept")).isEqualTo("image/*");

        fileInput("field-photo").sendKeys(photo(20, 10).toString());

        WebElement thumbnail = waitFor(By.cssSelector("#field-photo img.tezuo-form-thumbnail"));
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth === 20;", thumbnail));
        return waitFor(By.cssSelector("#field-photo .tezuo-form-upload-preview")).getDomAttribute("data-file-id");
    }

    private void seeUploadErrors() throws IOException {
        Path large = workDirectory.resolve("big.png");
        byte[] content = new byte[1_300_000];
        new Random(1).nextBytes(content);
        System.arraycopy(Files.readAllBytes(photo(4, 4)), 0, content, 0, 8);
        Files.write(large, content);
        fileInput("field-photo").sendKeys(large.toString());
        waitForText(By.cssSelector("#field-photo .tezuo-field-error"),
                "文件“big.png”未上传：文件超过 1 MB 的上限；请压缩或缩小后重新上传");

        Path text = Files.writeString(workDirectory.resolve("notes.txt"), "不是照片");
        fileInput("field-photo").sendKeys(text.toString());
        waitForText(By.cssSelector("#field-photo .tezuo-field-error"), "文件“notes.txt”的类型为 .txt，不是图片");
    }

    private void requiredSignatureIsReported() throws IOException {
        type("field-location", "1 号储罐区东侧管廊");
        click(browser.findElement(By.id("preview-check")));
        waitForText(By.id("form-problems"), "申请人签名");
        screenshot("required-signature");
        WebElement error = waitFor(By.cssSelector("#field-signature .tezuo-field-error"));

        assertThat(error.getDomProperty("textContent")).isEqualTo("请填写“申请人签名”，这是必填项");
    }

    private String drawSignature() {
        WebElement pad = waitFor(By.cssSelector("#field-signature tezuo-signature-pad"));
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> Boolean.TRUE.equals(script(
                "return !!customElements.get('tezuo-signature-pad');")));
        scrollTo(pad);
        WebElement canvas = pad.getShadowRoot().findElement(By.cssSelector("canvas"));
        new Actions(browser).moveToElement(canvas, -60, -10).clickAndHold().moveByOffset(40, 20)
                .moveByOffset(40, -25).moveByOffset(30, 15).release().perform();

        click(browser.findElement(By.id("preview-check")));

        WebElement image = waitFor(By.cssSelector("#field-signature img.tezuo-form-signature-image"));
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
        JsonNode written = json.readTree(textAreaValue("preview-data"));
        assertThat(written.path("signature").asString()).hasSize(43);
        return written.path("signature").asString();
    }

    private void openChineseDatePicker() {
        WebElement picker = waitFor(By.id("field-workDate"));
        scrollTo(picker);
        click(picker.findElement(By.cssSelector("input")));
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> Boolean.TRUE.equals(script(
                "return arguments[0].opened;", picker)));
        String overlayText = (String) script("""
                function text(node) {
                  let result = node.shadowRoot ? text(node.shadowRoot) : '';
                  for (const child of node.childNodes) {
                    result += child.nodeType === Node.TEXT_NODE ? child.textContent : text(child);
                  }
                  return result;
                }
                return text(document.body);""");

        assertThat(overlayText).contains("今天", "取消");
        assertThat(script("return arguments[0].i18n.monthNames[11];", picker)).isEqualTo("十二月");
        assertThat(script("return arguments[0].i18n.firstDayOfWeek;", picker)).isEqualTo(1L);
        picker.findElement(By.cssSelector("input")).sendKeys(Keys.ESCAPE);
    }

    private void fillTableOf200Rows() throws IOException {
        ObjectNode data = FormInputsTest.sampleData(200);
        data.remove("photo");
        script("const area = document.getElementById('preview-data'); area.value = arguments[0];"
                + "area.dispatchEvent(new CustomEvent('change'));", json.writeValueAsString(data));
        waitForIdle();

        double loadMillis = timedClick("preview-load", """
                const cells = document.querySelectorAll('#rows-readings vaadin-grid-cell-content');
                return Array.from(cells).some(cell => cell.textContent.includes('检测点 1 ')
                    || cell.textContent.endsWith('检测点 1'));""");
        double addMillis = timedClick("add-readings", "return !!document.getElementById('field-readings-200-point');");
        type("field-readings-200-point", "新检测点");
        type("field-readings-200-result", "0.2");
        click(browser.findElement(By.id("preview-check")));

        JsonNode written = json.readTree(textAreaValue("preview-data"));
        assertThat(written.path("readings").size()).isEqualTo(201);
        assertThat(written.path("readings").path(200).path("point").asString()).isEqualTo("新检测点");
        assertThat(written.path("readings").path(199).path("point").asString()).isEqualTo("检测点 200");
        String figures = String.format("load 200 rows: %.0f ms; add row 201: %.0f ms%n", loadMillis, addMillis);
        System.out.print("Form table in headless Chromium: " + figures);
        Files.writeString(Path.of("target", "form-benchmarks.txt"), figures, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Clicks a button in the page and returns the milliseconds until {@code doneCondition} (a script body that
     * returns a boolean) holds and Flow has no round trip in flight, measured with the page's clock.
     */
    private double timedClick(String buttonId, String doneCondition) {
        scrollTo(browser.findElement(By.id(buttonId)));
        Object elapsed = ((JavascriptExecutor) browser).executeAsyncScript("""
                const buttonId = arguments[0];
                const done = new Function(arguments[1]);
                const idle = new Function(arguments[2]);
                const callback = arguments[arguments.length - 1];
                const start = performance.now();
                document.getElementById(buttonId).click();
                (function poll() {
                  if (idle() && done()) {
                    requestAnimationFrame(() => callback(performance.now() - start));
                  } else {
                    setTimeout(poll, 5);
                  }
                })();""", buttonId, doneCondition, FLOW_IDLE);
        return ((Number) elapsed).doubleValue();
    }

    private HttpResponse<byte[]> download(String username, String fileId) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/files/" + fileId)))
                .header("Authorization", "Basic " + credentials)
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** Writes a PNG of the given size to the work directory and returns its path. */
    private static Path photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff6600);
        Path file = workDirectory.resolve("photo-" + width + "x" + height + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private WebElement fileInput(String fieldId) {
        WebElement upload = waitFor(By.cssSelector("#" + fieldId + " vaadin-upload"));
        scrollTo(upload);
        return (WebElement) script("""
                const upload = arguments[0];
                return upload.querySelector('input[type=file]')
                    || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));""", upload);
    }

    private String textAreaValue(String id) {
        waitForIdle();
        return (String) script("return document.getElementById(arguments[0]).value;", id);
    }

    private void type(String fieldId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        scrollTo(input);
        input.sendKeys(text, Keys.TAB);
        waitForIdle();
    }

    private void click(WebElement element) {
        scrollTo(element);
        script("arguments[0].click();", element);
        waitForIdle();
    }

    private void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private Object script(String body, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(body, arguments);
    }

    private void waitForIdle() {
        new WebDriverWait(browser, RENDER_TIMEOUT).pollingEvery(Duration.ofMillis(20))
                .until(driver -> Boolean.TRUE.equals(script(FLOW_IDLE)));
    }

    private WebElement waitFor(By locator) {
        return phone.waitFor(locator);
    }

    /** Waits until the element's text content contains {@code text}, whether or not it is scrolled into view. */
    private void waitForText(By locator, String text) {
        WebElement element = waitFor(locator);
        new WebDriverWait(browser, RENDER_TIMEOUT).until(driver -> String.valueOf(element.getDomProperty(
                "textContent")).contains(text));
    }

    /** Saves the window to target/form-screenshots for a person to look at; the test does not compare it. */
    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "form-screenshots"));
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private long pageWidth() {
        return (Long) script("return document.documentElement.scrollWidth;");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

package org.tezuo.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless through its chromedriver, with a throw-away profile that {@link #close}
 * deletes. Browser tests start one per test class.
 */
public final class HeadlessChromium implements AutoCloseable {

    /**
     * Fires the HTML5 drag events that Vaadin's drag and drop listens to, with one shared DataTransfer and the
     * centre of each element as the pointer position. Selenium's own drag sends mouse events, which Chromium does
     * not turn into drag events.
     */
    private static final String DRAG_AND_DROP = """
            const [source, target] = arguments;
            const transfer = new DataTransfer();
            const fire = (element, type) => {
              const box = element.getBoundingClientRect();
              element.dispatchEvent(new DragEvent(type, {bubbles: true, composed: true, cancelable: true,
                  dataTransfer: transfer, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2}));
            };
            fire(source, 'dragstart');
            fire(target, 'dragenter');
            fire(target, 'dragover');
            fire(target, 'drop');
            fire(source, 'dragend');
            """;

    private final Path profileDirectory;
    private final WebDriver driver;

    private HeadlessChromium(Path profileDirectory, WebDriver driver) {
        this.profileDirectory = profileDirectory;
        this.driver = driver;
    }

    /**
     * Starts the browser.
     *
     * @param language the language the browser requests, for example {@code zh-CN}
     * @param window window size in CSS pixels
     */
    public static HeadlessChromium start(String language, Dimension window) throws IOException {
        Path profile = Files.createTempDirectory("tezuo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=" + language, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(window);
        return new HeadlessChromium(profile, driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in through the login page at {@code loginUrl} and waits for the home page's greeting. */
    public void signIn(String loginUrl, String username, String password, Duration timeout) {
        driver.manage().deleteAllCookies();
        driver.get(loginUrl);
        new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(By.name("username")))
                .sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(By.id("home-greeting")));
    }

    /** Scrolls {@code element} to the middle of the window and clicks it in the page, as a mouse user would. */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    /** Replaces the text of the Vaadin text field {@code fieldId} and leaves the field, so the change is sent. */
    public void replaceText(String fieldId, String text, Duration timeout) {
        // A field Vaadin re-renders between finding and typing goes stale; the wait finds the new one and types again.
        new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(page -> {
            WebElement input = page.findElement(By.cssSelector("#" + fieldId + " input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text, Keys.TAB);
            return true;
        });
    }

    /** Drags {@code source} onto {@code target} with HTML5 drag events. */
    public void dragAndDrop(WebElement source, WebElement target) {
        ((JavascriptExecutor) driver).executeScript(DRAG_AND_DROP, source, target);
    }

    /** Opens the Vaadin select with element id {@code fieldId} and clicks the item with this label. */
    public void chooseOption(String fieldId, String label, Duration timeout) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        WebElement select = new WebDriverWait(driver, timeout)
                .until(ExpectedConditions.presenceOfElementLocated(By.id(fieldId)));
        script.executeScript("arguments[0].opened = true;", select);
        WebElement item = new WebDriverWait(driver, timeout).until(browser -> browser
                .findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        script.executeScript("arguments[0].click();", item);
        new WebDriverWait(driver, timeout).until(browser -> !Boolean.TRUE.equals(
                script.executeScript("return arguments[0].opened;", select)));
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profileDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

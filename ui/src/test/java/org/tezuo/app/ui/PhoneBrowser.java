package org.tezuo.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, with a phone-sized window (375×812) and a throw-away
 * profile directory that {@link #close()} deletes.
 */
public final class PhoneBrowser implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path profileDirectory;
    private final WebDriver driver;

    private PhoneBrowser(Path profileDirectory, WebDriver driver) {
        this.profileDirectory = profileDirectory;
        this.driver = driver;
    }

    /** Starts Chromium with {@code language} (for example {@code zh-CN}) as the browser's language. */
    public static PhoneBrowser start(String language) throws IOException {
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
        driver.manage().window().setSize(new Dimension(375, 812));
        return new PhoneBrowser(profile, driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in through the login page at {@code baseUrl} and waits for the home page. */
    public void signIn(String baseUrl, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        waitFor(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
        waitFor(By.id("home-greeting"));
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profileDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

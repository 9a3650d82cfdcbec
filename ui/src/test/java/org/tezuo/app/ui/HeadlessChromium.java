package org.tezuo.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver in headless mode with a throwaway profile, for browser tests. Closing it quits
 * the browser and deletes the profile directory.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final Path profileDirectory;
    private final WebDriver driver;

    private HeadlessChromium(Path profileDirectory, WebDriver driver) {
        this.profileDirectory = profileDirectory;
        this.driver = driver;
    }

    /** Starts a browser whose window has {@code size} in CSS pixels. */
    public static HeadlessChromium start(Dimension size) throws IOException {
        Path profileDirectory = Files.createTempDirectory("tezuo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", "--user-data-dir=" + profileDirectory);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        return new HeadlessChromium(profileDirectory, driver);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profileDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

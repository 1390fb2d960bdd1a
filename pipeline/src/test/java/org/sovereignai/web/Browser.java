package org.sovereignai.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for page tests: headless Chromium driven by Selenium through Debian's {@code chromium} and
 * {@code chromium-driver} (which {@code .ci/run} installs and the README names). Both are found on the PATH and
 * handed to Selenium, so Selenium Manager never tries to download a browser (this machine has no such network).
 */
public final class Browser implements AutoCloseable {
    private static final String MISSING = "browser tests need Debian's chromium and chromium-driver on the PATH"
            + " (apt-get install chromium chromium-driver; .ci/run installs them)";

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh headless browser with a phone-or-desktop window of this size. */
    public static Browser open(int width, int height) {
        Path chromedriver = onPath("chromedriver").orElseThrow(() -> new IllegalStateException(MISSING));
        Path chromium = onPath("chromium").or(() -> onPath("chromium-browser"))
                .orElseThrow(() -> new IllegalStateException(MISSING));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public static Browser open() {
        return open(1280, 900);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /** The element, waited for up to 10 s; else a failure that shows where the browser is and what it shows. */
    public WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            String text = driver.findElements(By.tagName("main")).stream().map(WebElement::getText).findFirst().orElse(driver.getPageSource());
            throw new AssertionError("no '" + css + "' on " + driver.getCurrentUrl() + ":\n" + text, e);
        }
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Saves what the browser shows as {@code NAME.png} in {@code target/screenshots}, or in the folder the system property
     * {@code sai.screenshots} names: {@code mvn test -Dtest=PagesBrowserTest -Dsai.screenshots=$PWD/docs/screenshots}
     * refreshes the README's pictures. A test run never writes into the checkout by itself (a clean clone stays clean).
     */
    public Path screenshot(String name) throws IOException {
        String chosen = System.getProperty("sai.screenshots");
        Path dir = chosen != null ? Path.of(chosen) : Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }
}

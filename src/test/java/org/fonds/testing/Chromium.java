package org.fonds.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium for browser tests, from the Debian packages. Both binaries are given explicitly: with a
 * driver executable set on the service, Selenium skips Selenium Manager, so nothing is looked up or downloaded.
 * Close it (try-with-resources) to quit the browser and remove its profile.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** CI sets it so that a missing browser fails the build instead of silently skipping the browser tests. */
    private static final String REQUIRED = "FONDS_REQUIRE_CHROMIUM";

    private final Path profile;
    private final WebDriver driver;

    private Chromium(Path profile, WebDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts the browser; skips the calling test when Chromium is not installed, or fails it when it is required. */
    public static Chromium start() {
        requireInstalled();
        Path profile;
        try {
            // a fresh profile each time: nothing carried over, and no lock held by another run
            profile = Files.createTempDirectory("fonds-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments(
                        "--headless=new",
                        // tests run as root here, where Chromium refuses to start sandboxed
                        "--no-sandbox",
                        "--disable-gpu",
                        // /dev/shm is small in containers; Chromium crashes when it runs out
                        "--disable-dev-shm-usage",
                        // no calls home: a test must neither wait for the network nor depend on it
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-quic",
                        "--no-first-run",
                        "--user-data-dir=" + profile);
        // the console's messages (CSP violations among them), for browserLog()
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        try {
            return new Chromium(profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** The browser console's messages since the last call (each call drains them). */
    public List<LogEntry> browserLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void requireInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = BROWSER + " or " + DRIVER + " is missing; to run the browser tests: "
                + "apt-get install chromium chromium-driver";
        if (!installed && Boolean.parseBoolean(System.getenv(REQUIRED))) {
            fail(missing + " (required because " + REQUIRED + "=true)");
        }
        assumeTrue(installed, missing);
    }

    /** Best effort: a leftover profile in the temp folder is harmless. */
    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // left for the OS to clean up with the rest of the temp folder
        }
    }
}

package cn.landmarket.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its own chromedriver, never downloading anything:
 * the flags keep it from calling the network, and each browser gets an empty profile directory
 * that is deleted when it quits. Without a browser the tests that need one are skipped with one
 * line, except under {@code CI=true}, where a missing browser fails them.
 */
public final class Browsers {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browsers() {
    }

    /** A browser window of the given width (CSS pixels), or the test is skipped (failed under CI). */
    public static Browser open(int width, int height) {
        String chromium = first(CHROMIUM);
        String driver = first(DRIVER);
        if (chromium == null || driver == null) {
            String message = "No browser: install Debian's chromium and chromium-driver to run the browser tests.";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: browser tests must run)");
            }
            Assumptions.abort(message);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        List<String> args = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height));
        options.addArguments(args);
        // What a reader in China sends: Chinese first.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.manage().window().setSize(new Dimension(width, height));
        return new Browser(chrome, profile);
    }

    /** A desktop-sized window. */
    public static Browser open() {
        return open(1280, 900);
    }

    private static String first(List<String> candidates) {
        return candidates.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
    }

    static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}

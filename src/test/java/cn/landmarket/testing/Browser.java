package cn.landmarket.testing;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** One headless Chromium window with the few things page tests need; close it (try-with-resources). */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private String base = "";

    Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Resolves page paths against this server (the test's {@code @TestHTTPResource}). */
    public Browser at(URL server) {
        String s = server.toString();
        base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser get(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Records every script error and Content-Security-Policy violation of the pages loaded from now
     * on, for {@link #assertNoPageErrors}.
     */
    public Browser trapPageErrors() {
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.pageErrors = [];"
                + " window.addEventListener('error', function (e) { window.pageErrors.push('error: ' + e.message); });"
                + " document.addEventListener('securitypolicyviolation', function (e) {"
                + "   window.pageErrors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI); });"));
        return this;
    }

    /** Fails when the page has had a script error or a CSP violation since {@link #trapPageErrors}. */
    public void assertNoPageErrors() {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), script("return window.pageErrors || [];"),
                "script errors or CSP violations");
    }

    /**
     * Signs in as the organisation {@code code} through the development sign-in page (its button when
     * the page offers one, else the form for other organisations) and waits to be back at {@code back}.
     */
    public Browser signIn(String code, String back) {
        get("/signin?back=" + cn.landmarket.web.Links.encode(back));
        List<WebElement> button = all("button[data-org='" + code + "']");
        if (button.isEmpty()) {
            find("form.other input[name='org']").sendKeys(code);
            find("form.other button[type='submit']").click();
        } else {
            button.get(0).click();
        }
        waitFor("signed in as " + code + " and back at " + back, d -> d.getCurrentUrl().endsWith(back));
        return this;
    }

    /** Sends a command of the Chrome DevTools protocol to this window and returns its answer. */
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /**
     * Sets this device's clock off by {@code shift} for every page loaded from now on: {@code Date.now()}
     * and {@code new Date()} answer the wrong time (a date built from a given time stays as it is).
     */
    public Browser deviceClockOff(Duration shift) {
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "(function () {"
                + " var shift = " + shift.toMillis() + ", Real = Date, realNow = Real.now.bind(Real);"
                + " function Wrong() {"
                + "   if (!(this instanceof Wrong)) { return new Real(realNow() + shift).toString(); }"
                + "   return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat("
                + "     Array.prototype.slice.call(arguments))))() : new Real(realNow() + shift); }"
                + " Wrong.prototype = Real.prototype; Wrong.now = function () { return realNow() + shift; };"
                + " Wrong.parse = Real.parse; Wrong.UTC = Real.UTC; Date = Wrong; }());"));
        return this;
    }

    /** Takes this window off the network (true) or puts it back (false), as the DevTools' network throttling does. */
    public Browser offline(boolean offline) {
        cdp("Network.enable", Map.of());
        cdp("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    /**
     * Waits (up to 15 s) until the condition holds, and returns its value. An element replaced while the
     * condition reads it (a fragment swapped in by htmx) counts as not yet.
     */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** As {@link #waitFor(Function)}, saying what was awaited when it times out. */
    public <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .withMessage(what).until(condition);
    }

    /** The axe-core rules the page breaks at serious or critical impact, as "rule: nodes" lines. */
    public List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Browser::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).toList();
    }

    /** True when the page is wider than the window (it would scroll sideways). */
    public boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /** The elements that stick out on the right of the window, as tag.class lines (to say what scrolls). */
    @SuppressWarnings("unchecked")
    public List<String> overflowing() {
        return (List<String>) script("var w = window.innerWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect(); if (r.right > w + 1) out.push(e.tagName + '.' + e.className"
                + "  + ' ' + Math.round(r.right)); }); return out.slice(0, 10);");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            Browsers.delete(profile);
        }
    }
}

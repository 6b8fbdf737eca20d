package org.disputehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Hawtio in the machine's headless Chromium, logged in on Hawtio's own login page: an ADMIN sees every route of
 * every connector in the Camel routes view with Stop enabled; a VIEWER sees a route's diagram and source without a
 * single refusal logged, finds Stop disabled (Hawtio's canInvoke answer), and a stop sent from the page anyway is
 * refused, logged once, and the route keeps running. Screenshots go to target/screenshots.
 * Chromium missing is a failure, not a skip (.ci/run installs it).
 */
class HawtioBrowserTest extends ConsoleTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String ROW = "//*[@id='camel-routes-table']//tr[td[@data-label='Name' and normalize-space()='hub-intake']]";
    static final String TREE = "//*[contains(@class,'tree-view')]";
    /** A route no other console test stops, so the refusal below is this test's first within the log window. */
    static final String OPS_CHECK = ROUTES + "\"hub-ops-check\"";
    static final By STOP = By.xpath("//*[@id='camel-routes-toolbar']//button[normalize-space()='Stop']");

    WebDriver browser;
    WebDriverWait wait;
    Path profile;

    @BeforeEach
    void chromium() throws IOException {
        assertThat(CHROMIUM).as("headless Chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        profile = Files.createTempDirectory("hub-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--window-size=1440,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(profile.toFile());
    }

    @Test
    void anAdminSeesEveryConnectorsRoutesWithStopEnabled() throws IOException {
        List<String> routeIds = camel.getRoutes().stream().map(Route::getRouteId).sorted().toList();
        assertThat(routeIds).contains("hotline12345-poll", "alarm110-intake", "petition-inbound", "odr-webhook",
                "labor-batch", "zhengding-callback", "hub-intake");

        login("admin");
        openRoutesView();
        List<String> shown = browser.findElements(By.xpath("//*[@id='camel-routes-table']//td[@data-label='Name']"))
                .stream().map(WebElement::getText).map(String::trim).toList();
        screenshot("admin-camel-routes");
        assertThat(shown).containsAll(routeIds);
        browser.findElement(By.xpath(ROW + "//input[@type='checkbox']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(STOP));
    }

    @Test
    void aViewerSeesARoutesDiagramAndSourceButCannotStopIt() throws IOException {
        Logger security = (Logger) LoggerFactory.getLogger("hub.security");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        security.addAppender(lines);
        try {
            viewerSession();
            assertThat(lines.list).as("refusals logged while a VIEWER looks around").isEmpty();
            for (int i = 0; i < 2; i++) {
                assertThat(stopFromThePage()).as("a stop sent from the VIEWER's page").contains("\"status\":403");
            }
        } finally {
            security.detachAppender(lines);
        }
        assertThat(routeState("hub-ops-check")).isEqualTo("Started");
        assertThat(lines.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().satisfies(line -> assertThat(line).contains("stop()", "hub-ops-check", "viewer"));
    }

    /** What the Stop button sends, posted by the page itself with the VIEWER's session and CSRF token. */
    private String stopFromThePage() {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11);
                fetch('/actuator/jolokia', {method: 'POST', headers: {'Content-Type': 'application/json',
                      'X-XSRF-TOKEN': decodeURIComponent(token)},
                      body: JSON.stringify({type: 'exec', mbean: arguments[0], operation: 'stop()'})})
                    .then(r => r.text()).then(done, e => done('failed: ' + e));""", OPS_CHECK);
    }

    private void viewerSession() throws IOException {
        login("viewer");
        openRoutesView();
        browser.findElement(By.xpath(ROW + "//input[@type='checkbox']")).click();
        WebElement stop = browser.findElement(STOP);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", stop);
        screenshot("viewer-stop-disabled");
        assertThat(stop.isEnabled()).as("Stop for a VIEWER (Hawtio asks canInvoke)").isFalse();
        assertThat(routeState("hub-intake")).isEqualTo("Started");

        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(TREE + "//button[.//*[normalize-space()='hub-intake']"
                    + " or normalize-space()='hub-intake']"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Route Diagram']"))).click();
            wait.until(d -> d.findElements(By.cssSelector(".camel-route-diagram .react-flow__node")).size() >= 2);
            screenshot("viewer-route-diagram");
            assertThat(browser.findElements(By.cssSelector(".camel-route-diagram .camel-node-label")))
                    .extracting(WebElement::getText).anyMatch(label -> label.startsWith("From jms:queue:"));
            assertThat(browser.getPageSource()).doesNotContain("Could not locate any XML for route");

            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Source']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".view-lines"), "hub-intake"));
            screenshot("viewer-route-source");
        } catch (RuntimeException e) {
            screenshot("viewer-route-not-shown");
            Files.writeString(SCREENSHOTS.resolve("viewer-route-not-shown.html"), browser.getPageSource());
            throw e;
        }
    }

    /** Hawtio's own login page (PatternFly's login form), not Spring Security's bare one. */
    private void login(String user) throws IOException {
        browser.get(base() + "/actuator/hawtio/");
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pf-login-username-id"))).sendKeys(user);
        } catch (RuntimeException e) {
            screenshot("login-page-not-found");
            Files.writeString(SCREENSHOTS.resolve("login-page-not-found.html"), browser.getPageSource());
            throw e;
        }
        assertThat(browser.getPageSource()).contains("Hawtio");
        screenshot("hawtio-login-" + user);
        browser.findElement(By.id("pf-login-password-id")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/actuator/hawtio") && !d.getCurrentUrl().contains("/login"));
    }

    /** Camel → the context's routes folder → the Routes tab, until its table lists hub-intake. */
    private void openRoutesView() throws IOException {
        browser.get(base() + "/actuator/hawtio/camel/routes");
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    TREE + "//button[.//*[normalize-space()='routes'] or normalize-space()='routes']"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Routes']"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(ROW)));
        } catch (RuntimeException e) {
            screenshot("routes-view-not-found");
            Files.writeString(SCREENSHOTS.resolve("routes-view-not-found.html"), browser.getPageSource());
            throw e;
        }
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}

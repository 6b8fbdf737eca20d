package org.disputehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Hawtio in the machine's headless Chromium: an ADMIN logs in and sees every route of every connector in the
 * Camel routes view; a VIEWER who tries to stop a route is refused and the route keeps running. Screenshots go to
 * target/screenshots. Chromium missing is a failure, not a skip (.ci/run installs it).
 */
class HawtioBrowserTest extends ConsoleTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String ROW = "//*[@id='camel-routes-table']//tr[td[@data-label='Name' and normalize-space()='hub-intake']]";

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
    void anAdminSeesEveryConnectorsRoutesAndAViewerCannotStopOne() throws IOException {
        List<String> routeIds = camel.getRoutes().stream().map(Route::getRouteId).sorted().toList();
        assertThat(routeIds).contains("hotline12345-poll", "alarm110-intake", "petition-inbound", "odr-webhook",
                "labor-batch", "zhengding-callback", "hub-intake");

        login("admin");
        openRoutesView();
        List<String> shown = browser.findElements(By.xpath("//*[@id='camel-routes-table']//td[@data-label='Name']"))
                .stream().map(WebElement::getText).map(String::trim).toList();
        screenshot("admin-camel-routes");
        assertThat(shown).containsAll(routeIds);

        browser.manage().deleteAllCookies();
        login("viewer");
        openRoutesView();
        browser.findElement(By.xpath(ROW + "//input[@type='checkbox']")).click();
        browser.findElement(By.xpath("//*[@id='camel-routes-toolbar']//button[normalize-space()='Stop']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(text(), \"Couldn't stop the route\")]")));
        screenshot("viewer-stop-refused");
        assertThat(routeState("hub-intake")).isEqualTo("Started");
        assertThat(browser.findElement(By.xpath(ROW + "/td[@data-label='State']")).getText()).isEqualTo("Started");
    }

    private void login(String user) {
        browser.get(base() + "/actuator/hawtio/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/actuator/hawtio"));
    }

    /** Camel → the context's routes folder → the Routes tab, until its table lists hub-intake. */
    private void openRoutesView() throws IOException {
        browser.get(base() + "/actuator/hawtio/camel/routes");
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'tree-view')]//button[.//*[normalize-space()='routes'] or normalize-space()='routes']"))).click();
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

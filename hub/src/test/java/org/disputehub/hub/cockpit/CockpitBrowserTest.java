package org.disputehub.hub.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The cockpit in the machine's headless Chromium, as a person uses it: a VIEWER opens /cockpit, logs in on the form
 * it is sent to, and every figure the page shows equals the cockpit API's for the known cases of
 * {@link CockpitFixture}. Screenshot: target/screenshots/cockpit.png. Chromium missing is a failure, not a skip.
 */
class CockpitBrowserTest extends CockpitTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

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
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run", "--lang=zh-CN",
                "--window-size=1600,1300", "--user-data-dir=" + profile);
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
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void aViewerSeesTheApisFiguresOnTheCockpit() throws Exception {
        // without a session the cockpit sends the browser to the console's login page (Hawtio's), the same login
        browser.get(base() + "/cockpit");
        wait.until(d -> d.getCurrentUrl().endsWith("/actuator/hawtio/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pf-login-username-id"))).sendKeys("viewer");
        browser.findElement(By.id("pf-login-password-id")).sendKeys("viewer");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/actuator/hawtio") && !d.getCurrentUrl().contains("/login"));
        browser.get(base() + "/cockpit");
        wait.until(d -> d.getCurrentUrl().endsWith("/cockpit") || d.getCurrentUrl().contains("/cockpit?"));
        try {
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        } finally {
            screenshot("cockpit");
        }
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();

        JsonNode intake = api("intake");
        assertThat(text("stat-intake-total")).isEqualTo(intake.path("total").asText()).isEqualTo("5");
        assertThat(listed("#intake-sources li", "data-source")).isEqualTo(keyed(intake.path("bySource")));
        assertThat(listed("#intake-statuses li", "data-status")).isEqualTo(keyed(intake.path("byStatus")));
        assertThat(browser.findElements(By.cssSelector("#chart-intake canvas"))).isNotEmpty();

        JsonNode kpis = api("kpis");
        List<JsonNode> departments = new ArrayList<>();
        kpis.path("departments").forEach(departments::add);
        assertThat(departments).hasSize(2);
        for (JsonNode d : departments) {
            for (String k : List.of("signOff", "onTimeArrival", "closureFeedback", "resolution", "repeatReports")) {
                WebElement cell = browser.findElement(By.cssSelector("#kpi-table tr[data-dept='" + d.path("deptCode").asText()
                        + "'] td[data-indicator='" + k + "']"));
                JsonNode week = d.path("week").path(k);
                assertThat(cell.getAttribute("data-numerator") + "/" + cell.getAttribute("data-denominator")).as(k)
                        .isEqualTo(week.path("numerator").asText() + "/" + week.path("denominator").asText());
                assertThat(cell.findElement(By.className("rate")).getText()).as(k).isEqualTo(percent(week.path("rate")));
            }
        }

        JsonNode waiting = api("waiting");
        assertThat(text("stat-waiting-sign")).isEqualTo(waiting.path("signOff").asText()).isEqualTo("1");
        assertThat(text("stat-waiting-arrive")).isEqualTo(waiting.path("arrival").asText()).isEqualTo("1");
        assertThat(text("stat-waiting-overdue")).isEqualTo(waiting.path("overdue").asText()).isEqualTo("1");
        assertThat(rows("#waiting-table tbody tr", "data-case")).isEqualTo(waiting.path("cases").findValuesAsText("caseId"));
        List<WebElement> countdowns = browser.findElements(By.cssSelector("#waiting-table td.countdown"));
        assertThat(countdowns.stream().map(c -> c.getAttribute("data-seconds-left")).toList())
                .isEqualTo(waiting.path("cases").findValuesAsText("secondsLeft"));
        assertThat(countdowns.get(0).getText()).startsWith("超时 ");

        JsonNode red = api("red");
        assertThat(text("stat-red-open")).isEqualTo(red.path("open").asText()).isEqualTo("2");
        assertThat(rows("#red-table tbody tr", "data-case")).isEqualTo(red.path("cases").findValuesAsText("caseId"));
        assertThat(browser.findElements(By.cssSelector("#red-table tbody tr:last-child .reason")).stream()
                .map(WebElement::getText).toList()).isEqualTo(texts(red.at("/cases/1/reasons")));

        JsonNode spots = api("hotspots");
        assertThat(spotted("#hotspot-callers li")).isEqualTo(spots(spots.path("callers")));
        assertThat(spotted("#hotspot-addresses li")).isEqualTo(spots(spots.path("addresses")));
        assertThat(browser.getPageSource()).doesNotContain("13900139000", "李四");

        JsonNode queues = api("queues");
        assertThat(text("stat-queue-depth")).isEqualTo(queues.path("depth").asText());
        assertThat(text("stat-queue-parked")).isEqualTo(queues.path("parked").asText());
        for (JsonNode q : queues.path("queues")) {
            WebElement row = browser.findElement(By.cssSelector("#queue-table tr[data-queue='" + q.path("queue").asText() + "']"));
            assertThat(row.findElement(By.className("parked")).getText()).isEqualTo(q.path("parked").asText());
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    /** key=count of each list item, in page order. */
    private List<String> listed(String css, String keyAttribute) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(li -> li.getAttribute(keyAttribute) + "=" + li.findElement(By.className("count")).getText()).toList();
    }

    private static List<String> keyed(JsonNode counts) {
        List<String> out = new ArrayList<>();
        counts.forEach(c -> out.add(c.path("key").asText() + "=" + c.path("count").asText()));
        return out;
    }

    private List<String> rows(String css, String attribute) {
        return browser.findElements(By.cssSelector(css)).stream().map(r -> r.getAttribute(attribute)).toList();
    }

    private List<String> spotted(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(li -> li.findElement(By.className("label")).getText() + " " + li.getAttribute("data-reports")).toList();
    }

    private static List<String> spots(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.path("label").asText() + " " + s.path("reports").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String percent(JsonNode rate) {
        return rate.isNull() || rate.isMissingNode() ? "—" : String.format("%.1f%%", rate.asDouble() * 100);
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

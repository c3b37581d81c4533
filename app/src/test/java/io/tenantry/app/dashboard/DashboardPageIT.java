package io.tenantry.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.RequiredTools;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page at {@code /dashboard} in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium; skipped where they are not installed, failed instead when
 * {@code CI=true}): sign in with a pasted token,
 * the figures, the tenants table searched and paged, a change arriving in the live feed. Leaves a screenshot in
 * {@code target/dashboard.png}.
 */
class DashboardPageIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("tenantry.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("tenantry.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final String UPDATED = "io.tenantry.tenant.updated.v1";

    /** Selenium warns that it has no DevTools binding for this Chromium; WebDriver itself is all this test uses. */
    private static final java.util.logging.Logger CDP_WARNINGS = quiet("org.openqa.selenium");

    private ChromeDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signsInShowsTheFiguresSearchesAndPagesTenantsAndFollowsTheLiveFeed() throws IOException {
        String admin = partnerAdmin();
        String owner = api.token(uniqueUser("owner"));
        String marker = "Pagecheck " + UUID.randomUUID().toString().substring(0, 8);
        List<String> tenants = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            tenants.add(createTenant(owner, marker + " " + i));
        }
        awaitRead(
                "/api/tenants?limit=1&q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8),
                admin,
                page -> page.path("total").asLong() == 12);
        openBrowser();

        browser.get("http://localhost:" + port + "/dashboard");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/");
        signIn(admin);

        // (waits, not plain reads: the page reads its figures again as events arrive)
        wait.until(page -> number("tenants-total") >= 12
                && figure("tenants-by-status", "PENDING_PROVISION") >= 12
                && figure("tenants-by-tier", "POOLED") >= 12
                && figure("tenants-by-plan", "free") >= 12
                && number("members-total") >= 12
                && number("teams-total") >= 0);
        // the charts draw the same figures (read in one go in the page: it may refresh them meanwhile)
        for (String[] pair : new String[][] {
            {"chart-status", "tenants-by-status"}, {"chart-plans", "tenants-by-plan"}, {"chart-funnel", "leads-funnel"}
        }) {
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn =
                    (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                            const chart = Chart.getChart(arguments[0]);
                            const figures = {};
                            document.querySelectorAll('#' + arguments[1] + ' dd')
                                .forEach(dd => figures[dd.dataset.key] = Number(dd.textContent));
                            return {labels: chart.data.labels, counts: chart.data.datasets[0].data, figures};
                            """, pair[0], pair[1]);
            List<?> labels = (List<?>) drawn.get("labels");
            List<?> counts = (List<?>) drawn.get("counts");
            Map<?, ?> figures = (Map<?, ?>) drawn.get("figures");
            assertThat(labels).as(pair[0]).isNotEmpty().hasSameSizeAs(counts);
            for (int i = 0; i < labels.size(); i++) {
                assertThat(((Number) counts.get(i)).longValue())
                        .as("%s: %s", pair[0], labels.get(i))
                        .isEqualTo(((Number) figures.get(labels.get(i))).longValue());
            }
        }
        // the per-day charts: today's tenants at the end, as the API counts them
        @SuppressWarnings("unchecked")
        List<Number> createdPerDay = (List<Number>) ((JavascriptExecutor) browser)
                .executeScript("return Chart.getChart('chart-created').data.datasets[0].data;");
        assertThat(createdPerDay).hasSize(30);
        assertThat(createdPerDay.get(29).longValue()).isGreaterThanOrEqualTo(12);
        // tenants by status over time: its last day is the figures by status now (both read models at rest)
        wait.until(page -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("""
                const chart = Chart.getChart('chart-status-history');
                const figures = {};
                document.querySelectorAll('#tenants-by-status dd')
                    .forEach(dd => figures[dd.dataset.key] = Number(dd.textContent));
                return chart.data.labels.length === 30 && chart.data.datasets.length === Object.keys(figures).length
                    && chart.data.datasets.every(d => d.data[29] === figures[d.label]);
                """)));
        assertThat(text("whoami")).startsWith("partner-");
        assertThat(browser.findElement(By.id("token")).isDisplayed())
                .as("no token field once signed in")
                .isFalse();

        browser.findElement(By.id("tenant-q")).sendKeys(marker);
        browser.findElement(By.cssSelector("#tenant-search button")).click();
        wait.until(page -> text("page-info").equals("1–10 of 12"));
        assertThat(tenantNames())
                .hasSize(10)
                .allMatch(name -> name.startsWith(marker))
                .as("newest first")
                .startsWith(marker + " 12");
        assertThat(browser.findElement(By.id("prev-page")).isEnabled()).isFalse();
        browser.findElement(By.id("next-page")).click();
        wait.until(page -> text("page-info").equals("11–12 of 12"));
        assertThat(tenantNames()).containsExactly(marker + " 2", marker + " 1");
        assertThat(browser.findElement(By.id("next-page")).isEnabled()).isFalse();

        wait.until(page -> text("feed-status").equals("live"));
        String renamed = tenants.get(0);
        Api.Response patched = api.call("PATCH", "/api/tenants/" + renamed)
                .bearer(owner)
                .json(Map.of("name", marker + " renamed"))
                .send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        By arrival = By.cssSelector("#feed li[data-subject='" + renamed + "'][data-type='" + UPDATED + "']");
        wait.until(page -> !page.findElements(arrival).isEmpty());
        assertThat(browser.findElement(arrival).getText()).contains("updated").contains(marker + " renamed");
        assertThat(browser.findElements(By.cssSelector("#feed li")).get(0).getAttribute("data-subject"))
                .as("newest at the top")
                .isEqualTo(renamed);

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(problems)
                .as("console errors (a blocked script or style, say)")
                .isEmpty();
    }

    @Test
    void opensATenantWithItsPlanTimelineAndDeletesItWithConfirmation() throws IOException {
        String admin = partnerAdmin();
        String owner = api.token(uniqueUser("owner"));
        String name = "Tenantpage " + UUID.randomUUID().toString().substring(0, 8);
        String tenant = createTenant(owner, name);
        awaitRead("/api/tenants/" + tenant + "/subscription", owner, subscription -> true);
        Api.Response changed = api.call("PUT", "/api/tenants/" + tenant + "/subscription/plan")
                .bearer(owner)
                .json(Map.of("planId", "team", "reason", "we grew"))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        openBrowser();

        browser.get("http://localhost:" + port + "/dashboard/");
        signIn(admin);
        browser.findElement(By.id("tenant-q")).sendKeys(name);
        browser.findElement(By.cssSelector("#tenant-search button")).click();
        By link = By.cssSelector("#tenants a[href='#tenant/" + tenant + "']");
        // the keyboard opens it, as a click would; found and pressed in one go, again if the table was drawn anew
        // in between (the page refreshes it as events arrive: the wait ignores a stale element)
        wait.until(page -> {
            page.findElement(link).sendKeys(Keys.ENTER);
            return true;
        });
        wait.until(page ->
                text("tenant-heading").equals(name) && !profile("Status").isEmpty());
        assertThat(text("tenant-plan-timeline"))
                .contains("started on free")
                .contains("free → team")
                .contains("we grew");
        assertThat(text("tenant-members")).contains("OWNER");
        assertThat(profile("Status")).isEqualTo("PENDING_PROVISION");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(Path.of("target", "dashboard-tenant.png"), browser.getScreenshotAs(OutputType.BYTES));

        wait.until(page -> text("feed-status").equals("live"));
        browser.findElement(By.cssSelector("#tenant-actions button[data-action='delete']"))
                .click();
        wait.until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).contains(name);
        browser.switchTo().alert().accept();
        wait.until(page -> profile("Status").equals("DELETED"));
        By deleted =
                By.cssSelector("#feed li[data-subject='" + tenant + "'][data-type='io.tenantry.tenant.deleted.v1']");
        wait.until(page -> !page.findElements(deleted).isEmpty());
        Api.Response read = api.get("/api/tenants/" + tenant + "?includeDeleted=true")
                .bearer(admin)
                .send();
        assertThat(read.json().path("status").asText()).isEqualTo("DELETED");
    }

    private String profile(String key) {
        List<WebElement> value = browser.findElements(By.cssSelector("#tenant-profile dd[data-key='" + key + "']"));
        return value.isEmpty() ? "" : value.get(0).getText().trim();
    }

    @Test
    void showsTheApisProblemWhenTheTokenMayNotReadTheDashboard() {
        openBrowser();
        browser.get("http://localhost:" + port + "/dashboard/");
        signIn(api.token(uniqueUser("user")));

        wait.until(page -> browser.findElement(By.id("error")).isDisplayed());
        assertThat(text("error")).isEqualTo("You are not allowed to do this. (forbidden)");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("token")).isDisplayed())
                .as("asks for another token")
                .isTrue();
    }

    @Test
    void servesThePageWithoutATokenUnderAStrictContentSecurityPolicy() {
        Api.Response redirect = api.get("/dashboard").send();
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard/"));
        Api.Response page = api.get("/dashboard/").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"dashboard.js\" defer></script>");
        assertThat(page.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("connect-src 'self'")
                        .contains("default-src 'none'"));
        assertThat(api.get("/dashboard/dashboard.js").send().status()).isEqualTo(200);
        assertThat(api.get("/dashboard/dashboard.css").send().status()).isEqualTo(200);
        assertThat(api.get("/dashboard/nothing-here.txt").send().status()).isEqualTo(404);
    }

    private void openBrowser() {
        RequiredTools.require(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium: apt-get install chromium chromium-driver (or set tenantry.test.chromium/.chromedriver)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1800",
                "--no-first-run",
                "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private void signIn(String token) {
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in button")).click();
    }

    private String createTenant(String owner, String name) {
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", name, "slug", uniqueSlug("page"), "tier", "POOLED"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private long number(String id) {
        String text = text(id);
        return text.matches("\\d+") ? Long.parseLong(text) : -1;
    }

    private long figure(String list, String key) {
        WebElement figure = browser.findElement(By.cssSelector("#" + list + " dd[data-key='" + key + "']"));
        return Long.parseLong(figure.getText().trim());
    }

    private List<String> tenantNames() {
        return browser.findElements(By.cssSelector("#tenants tbody tr")).stream()
                .map(row -> row.findElement(By.tagName("td")).getText().trim())
                .toList();
    }
}

package io.portfolioos.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature pages in Debian's headless chromium against {@code portfolioos serve} and its real
 * sidecar: a retirement plan on the Planner. Screenshots go to {@code shell/target/screenshots/}.
 */
class PagesE2EIT {
  @TempDir static Path dataDir;
  static ServeProcess serve;
  static Playwright playwright;
  static Browser browser;
  static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  @BeforeAll
  static void start() throws Exception {
    // Simulations and imports share two busy cores with the build: wait for answers, not a clock.
    PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    Files.createDirectories(SHOTS);
    serve = ServeProcess.start(dataDir);
    playwright = Playwright.create();
    browser = HeadlessChromium.launch(playwright);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (serve != null) {
      serve.close();
    }
  }

  /** The Planner form's defaults with 30 years at 4 %, as the page sends them. */
  private static final String DEFAULT_PLAN =
      """
      {"config":{"initialPortfolio":1000000,"years":30,"trials":10000,"seed":42,
       "allocation":{"stocks":0.6,"bonds":0.4},
       "returns":{"model":"parametric","stocks":{"mean":0.07,"stdev":0.17},
                  "bonds":{"mean":0.025,"stdev":0.06},"correlation":0.1,
                  "inflation":{"mean":0.03,"stdev":0.015}},
       "withdrawal":{"strategy":"constantDollar","rate":0.04},"lifeEvents":[],"fees":0.002,
       "withdrawalTiming":"start","nominal":false}}""";

  private static Page open() {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 1000));
    page.navigate(serve.url);
    assertThat(page.getByTestId("nav-dashboard")).isVisible();
    return page;
  }

  @Test
  void runsAPlanAndShowsTheFanChartAndSuccessRate() throws Exception {
    Page page = open();
    page.getByTestId("nav-planner").click();
    page.getByTestId("planner-years").fill("30");
    page.getByTestId("planner-rate").fill("4");
    page.getByTestId("planner-run").click();

    assertThat(page.getByTestId("planner-success-rate"))
        .hasText(Pattern.compile("^\\d{1,3}\\.\\d%$"));
    assertThat(page.getByTestId("planner-median-terminal")).hasText(Pattern.compile("^[\\d,]+$"));
    assertThat(page.getByTestId("planner-fan-chart").locator("canvas")).isVisible();
    // The page shows the engine's answer for the plan on the form (same seed, same scenarios).
    String direct = serve.ipc("simulation.run", DEFAULT_PLAN);
    Matcher m = Pattern.compile("\"successRate\":([0-9.eE+-]+)").matcher(direct);
    assertThat(m.find()).as(direct).isTrue();
    double shown =
        Double.parseDouble(page.getByTestId("planner-success-rate").textContent().replace("%", ""));
    assertThat(shown).isCloseTo(Double.parseDouble(m.group(1)) * 100, within(0.0501));

    // An impossible rate is caught inline, before the engine is asked.
    page.getByTestId("planner-rate").fill("140");
    page.getByTestId("planner-run").click();
    assertThat(page.getByTestId("planner-rate-error")).containsText("at most 100");
    page.getByTestId("planner-rate").fill("4");

    page.getByTestId("planner-sensitivity-run").click();
    assertThat(page.getByTestId("planner-sensitivity-chart").locator("canvas")).isVisible();
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner.png")).setFullPage(true));
    page.close();
    assertThat(SHOTS.resolve("planner.png")).isNotEmptyFile();
  }

  @Test
  void importsAGenericCsvThroughThePagesAndSeesHoldings() throws Exception {
    Path csv =
        Files.writeString(
            dataDir.resolveSibling(dataDir.getFileName() + "-trades.csv"),
            """
            date,type,symbol,quantity,price,fees,amount,currency,ratio,description
            2023-01-03,BUY,VTI,10,200,1,,USD,,first lot
            2024-02-01,BUY,AAPL,5,180,0,,USD,,
            2024-03-01,SELL,VTI,4,210,1,,USD,,
            """);
    Page page = open();
    page.getByTestId("nav-accounts").click();
    assertThat(page.getByTestId("empty-state")).containsText("No accounts yet");
    page.getByTestId("account-name").fill("Brokerage");
    page.getByTestId("account-save").click();
    assertThat(page.getByTestId("accounts-table")).containsText("Brokerage");

    page.getByTestId("nav-transactions").click();
    page.getByTestId("file-drop-input").setInputFiles(csv);
    // Dropping a file previews it first: nothing is written yet.
    assertThat(page.getByTestId("import-result")).hasAttribute("data-dry-run", "true");
    assertThat(page.getByTestId("import-imported")).hasText("3");
    page.getByTestId("import-run").click();
    assertThat(page.getByTestId("import-result")).hasAttribute("data-dry-run", "false");
    assertThat(page.getByTestId("import-imported")).hasText("3");
    assertThat(page.getByTestId("transactions-row")).hasCount(3);

    page.getByTestId("nav-holdings").click();
    assertThat(page.getByTestId("holdings-row")).hasCount(2);
    assertThat(page.getByTestId("holdings")).containsText("VTI");
    assertThat(page.getByTestId("holdings")).containsText("AAPL");
    // FIFO: 4 of the 10 VTI bought at 200 (+1 fee) sold at 210 (-1 fee): 839 - 800.4 = 38.6, long
    // term.
    assertThat(page.getByTestId("realized-long")).hasText(Pattern.compile("^38\\.60*$"));
    page.locator("[data-testid^='holding-lots-'][data-testid$='-VTI']").click();
    assertThat(page.getByTestId("lots-panel")).containsText("2023-01-03");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve("holdings.png")).setFullPage(true));
    // No prices are synced (no test reaches the internet): the dashboard names what is unpriced.
    page.getByTestId("nav-dashboard").click();
    assertThat(page.getByTestId("dashboard-unpriced")).containsText("VTI");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SHOTS.resolve("dashboard-portfolio.png"))
            .setFullPage(true));
    page.close();
  }
}

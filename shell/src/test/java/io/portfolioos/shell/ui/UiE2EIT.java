package io.portfolioos.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real UI in Debian's headless chromium, against {@code portfolioos serve} with its real
 * sidecar. Screenshots go to {@code shell/target/screenshots/}.
 */
class UiE2EIT {
  @TempDir static Path dataDir;
  static ServeProcess serve;
  static Playwright playwright;
  static Browser browser;
  static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  @BeforeAll
  static void start() throws Exception {
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

  private static Page open() {
    Page page = browser.newPage();
    page.navigate(serve.url);
    assertThat(page.getByTestId("nav-dashboard")).isVisible();
    return page;
  }

  @Test
  void clicksThroughEveryPageAndTheDashboardPingsTheEngine() throws Exception {
    Page page = open();
    assertThat(page.getByTestId("dashboard-ping")).hasAttribute("data-state", "ok");
    assertThat(page.url()).doesNotContain("token=");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dashboard.png")));
    for (String name :
        List.of(
            "accounts",
            "transactions",
            "holdings",
            "planner",
            "market",
            "assistant",
            "settings",
            "dashboard")) {
      page.getByTestId("nav-" + name).click();
      assertThat(page.getByTestId("page-" + name)).isVisible();
    }
    page.getByTestId("nav-settings").click();
    assertThat(page.getByTestId("settings-data-dir")).containsText(dataDir.toString());
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("settings.png")));
    page.close();
    assertThat(SHOTS.resolve("dashboard.png")).isNotEmptyFile();
  }

  @Test
  void theBannerShowsAFailedSidecarAndRetryRecoversIt() throws Exception {
    Page page = open();
    Locator banner = page.getByTestId("sidecar-banner");
    long previous = -1;
    for (int crash = 0; crash < 5; crash++) {
      long pid = waitForNewSidecar(previous);
      new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor();
      previous = pid;
    }
    assertThat(banner).hasAttribute("data-state", "FAILED");
    assertThat(page.getByTestId("sidecar-banner-reason")).containsText("crashed");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("sidecar-failed.png")));
    page.getByTestId("sidecar-retry").click();
    assertThat(banner).isHidden();
    page.getByTestId("dashboard-ping-refresh").click();
    assertThat(page.getByTestId("dashboard-ping")).hasAttribute("data-state", "ok");
    page.close();
  }

  private static final Pattern SIDECAR_PID = Pattern.compile("\"sidecar\":\\{[^}]*\"pid\":(\\d+)");

  /** The pid of a RUNNING sidecar other than {@code previous}, from system.info over HTTP. */
  private static long waitForNewSidecar(long previous) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Matcher m = SIDECAR_PID.matcher(serve.ipc("system.info", "{}"));
      if (m.find() && Long.parseLong(m.group(1)) != previous) {
        return Long.parseLong(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no new sidecar within 30 s");
  }
}

package io.portfolioos.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings page in Debian's headless chromium against {@code portfolioos serve}: an API key is
 * stored and deleted through the page, and the page never receives it back, not in any IPC answer
 * nor in the DOM; neither the data dir nor the app's log holds it in the clear.
 */
class SettingsE2EIT {
  static final String KEY = "fred-e2e-9c2d41b7aa03";

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

  @Test
  void anApiKeyIsStoredAndDeletedButNeverComesBackToThePage() throws Exception {
    Page page = browser.newPage();
    // Every IPC answer passes through here on its way to the page, so each body is read in full.
    List<String> answers = Collections.synchronizedList(new ArrayList<>());
    List<String> methods = Collections.synchronizedList(new ArrayList<>());
    page.route(
        "**/api/ipc/**",
        route -> {
          APIResponse answer = route.fetch();
          methods.add(route.request().url().replaceAll(".*/api/ipc/", ""));
          answers.add(answer.text());
          route.fulfill(new Route.FulfillOptions().setResponse(answer));
        });
    page.navigate(serve.url);
    page.getByTestId("nav-settings").click();
    assertThat(page.getByTestId("settings-keyring-status")).hasAttribute("data-backend", "FILE");
    assertThat(page.getByTestId("settings-keyring-warning")).containsText("master.key");
    assertThat(page.getByTestId("secret-status-fred")).hasAttribute("data-stored", "false");

    page.getByTestId("secret-input-fred").fill(KEY);
    page.getByTestId("secret-save-fred").click();
    assertThat(page.getByTestId("secret-status-fred")).hasAttribute("data-stored", "true");
    assertThat(page.getByTestId("secret-input-fred")).hasValue("");
    assertThat(page.getByTestId("secret-save-fred")).hasText("Replace");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("settings-key-stored.png")));
    assertThat(page.content()).doesNotContain(KEY);
    assertThat(serve.ipc("secrets.has", "{\"name\":\"fred\"}")).contains("\"stored\":true");
    assertNoFileHoldsTheKey();

    // a fresh page learns only that a key is stored
    page.reload();
    page.getByTestId("nav-settings").click();
    assertThat(page.getByTestId("secret-status-fred")).hasAttribute("data-stored", "true");
    assertThat(page.content()).doesNotContain(KEY);

    page.getByTestId("secret-delete-fred").click();
    assertThat(page.getByTestId("secret-status-fred")).hasAttribute("data-stored", "false");
    assertThat(serve.ipc("secrets.has", "{\"name\":\"fred\"}")).contains("\"stored\":false");

    assertThat(List.copyOf(methods))
        .contains("secrets.status", "secrets.has", "secrets.set", "secrets.delete");
    List<String> bodies = List.copyOf(answers);
    assertThat(bodies).contains("{\"ok\":true,\"data\":{\"name\":\"fred\",\"stored\":true}}");
    for (String body : bodies) {
      assertThat(body).doesNotContain(KEY);
    }
    page.close();
    assertNoFileHoldsTheKey();
  }

  @Test
  void aDataSourceAndTheThemeAreSavedInAppState() throws Exception {
    Page page = browser.newPage();
    page.navigate(serve.url);
    page.getByTestId("nav-settings").click();
    assertThat(page.getByTestId("datasources-table")).containsText("Yahoo Finance");
    page.getByTestId("datasource-edit-yahoo").click();
    page.getByTestId("datasource-baseUrl-yahoo").fill("http://127.0.0.1:9/yahoo");
    page.getByTestId("datasource-rate-yahoo").fill("30");
    page.getByTestId("datasource-save-yahoo").click();
    assertThat(page.getByTestId("datasource-row-yahoo")).containsText("http://127.0.0.1:9/yahoo");
    assertThat(serve.ipc("dataSources.list", "{}"))
        .contains("\"baseUrl\":\"http://127.0.0.1:9/yahoo\",\"rateLimitPerMinute\":30");

    page.getByTestId("datasource-edit-fred").click();
    page.getByTestId("datasource-baseUrl-fred").fill("https://user:pw@example.org");
    page.getByTestId("datasource-save-fred").click();
    assertThat(page.getByTestId("datasource-baseUrl-fred-error"))
        .containsText("must not carry a query, fragment or credentials");

    page.getByTestId("settings-theme-select").selectOption("dark");
    assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("settings-dark.png")));
    assertThat(serve.ipc("settings.get", "{\"key\":\"ui.theme\"}")).contains("\"value\":\"dark\"");
    page.close();
  }

  private static void assertNoFileHoldsTheKey() throws Exception {
    byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-serve.log");
    try (Stream<Path> files = Stream.concat(Files.walk(dataDir), Stream.of(log))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(text)
            .as(f.toString())
            .doesNotContain(new String(key, StandardCharsets.ISO_8859_1));
      }
    }
  }
}

package io.portfolioos.shell.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.portfolioos.shell.llm.FakeProvider.OPENAI_DONE;
import static io.portfolioos.shell.llm.FakeProvider.openAiFinish;
import static io.portfolioos.shell.llm.FakeProvider.openAiText;
import static io.portfolioos.shell.llm.FakeProvider.openAiToolArgs;
import static io.portfolioos.shell.llm.FakeProvider.openAiToolStart;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.portfolioos.shell.llm.FakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assistant pane in headless chromium against {@code portfolioos serve}, its real sidecar and a
 * fake local provider speaking OpenAI streaming: ask, see the tool call, watch the tokens arrive,
 * read the answer. Measures how long after the provider sent the first token the page shows it.
 */
class AssistantE2EIT {
  @TempDir static Path dataDir;
  static ServeProcess serve;
  static Playwright playwright;
  static Browser browser;
  static FakeProvider fake;
  static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(SHOTS);
    fake = new FakeProvider();
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
    if (fake != null) {
      fake.close();
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  @Test
  void asksSeesTheToolCallAndWatchesTheAnswerStream() throws Exception {
    String added =
        serve.ipc(
            "llm.providers.add",
            "{\"name\":\"Fake local model\",\"kind\":\"openaiCompatible\",\"baseUrl\":\""
                + fake.baseUrl()
                + "\",\"model\":\"fake-7b\"}");
    Matcher m = ID.matcher(added);
    assertThat(m.find()).as(added).isTrue();
    assertThat(serve.ipc("llm.providers.setDefault", "{\"providerId\":\"" + m.group(1) + "\"}"))
        .contains("\"ok\":true");

    CountDownLatch go = new CountDownLatch(1);
    fake.then(
            fake.sse(
                List.of(
                    openAiToolStart(0, "call_1", "run_simulation"),
                    openAiToolArgs(0, "{\"initialPortfolio\": 1000000, \"years\": 30, "),
                    openAiToolArgs(0, "\"withdrawalRate\": 0.04, \"trials\": 2000}"),
                    openAiFinish("tool_calls"),
                    OPENAI_DONE)))
        .then(
            fake.sse(
                List.of(
                    openAiText("Your plan "),
                    openAiText("lasts in **most** "),
                    openAiText("of the simulated "),
                    openAiText("markets."),
                    openAiFinish("stop"),
                    OPENAI_DONE),
                150,
                go));

    Page page = browser.newPage();
    page.navigate(serve.url);
    page.getByTestId("nav-assistant").click();
    Locator privacy = page.getByTestId("assistant-privacy");
    assertThat(privacy).hasAttribute("data-leaves", "false");
    assertThat(privacy).containsText("Stays on this computer");
    page.evaluate(
        "() => { window.__firstToken = 0; new MutationObserver(() => {"
            + " const el = document.querySelector('[data-testid=\"msg-assistant\"]');"
            + " if (!window.__firstToken && el && el.textContent.includes('Your plan'))"
            + " window.__firstToken = performance.timeOrigin + performance.now();"
            + " }).observe(document.body, {subtree: true, childList: true, characterData: true}); }");

    page.getByTestId("assistant-input").fill("What if I retire now with $1M and take 4% a year?");
    page.getByTestId("assistant-send").click();
    Locator tool = page.getByTestId("msg-tool");
    assertThat(tool).hasAttribute("data-tool", "run_simulation");
    assertThat(tool).hasAttribute("data-ok", "true");
    assertThat(page.getByTestId("assistant-stop")).isVisible();

    long deadline = System.nanoTime() + 20_000_000_000L;
    while (fake.requests() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(fake.requests()).isEqualTo(2);
    Thread.sleep(300); // the stream's headers are in; the first token goes out on our signal
    go.countDown();

    Locator answer = page.getByTestId("msg-assistant");
    assertThat(answer).containsText("Your plan");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("assistant-streaming.png")));
    assertThat(answer).hasText("Your plan lasts in most of the simulated markets.");
    assertThat(answer.locator("strong")).hasText("most");
    assertThat(page.getByTestId("assistant-send")).isVisible();

    double shownAt = ((Number) page.evaluate("() => window.__firstToken")).doubleValue();
    Instant sent = fake.firstTokenSentAt;
    double sentAt = sent.getEpochSecond() * 1000.0 + sent.getNano() / 1e6;
    double latency = shownAt - sentAt;
    System.out.printf("assistant first token: shown %.1f ms after the provider sent it%n", latency);
    Files.writeString(
        SHOTS.resolve("assistant-first-token-ms.txt"), String.format("%.1f%n", latency));
    assertThat(latency).isBetween(0.0, 100.0);

    tool.locator("summary").click();
    assertThat(page.getByTestId("msg-tool-result")).containsText("successRate");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve("assistant.png")).setFullPage(true));
    assertThat(page.locator("[data-testid^=conversation-]").first())
        .containsText("What if I retire");
    page.close();
    assertThat(SHOTS.resolve("assistant.png")).isNotEmptyFile();
  }
}

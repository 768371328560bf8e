package io.portfolioos.shell.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real desktop window: {@code portfolioos} (Main from the packaged jar) under Xvfb with its
 * real sidecar, driven through the DevTools protocol as a user's clicks would be. The screenshot
 * goes to {@code shell/target/screenshots/desktop-window.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JcefWindowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  @TempDir static Path dir;
  static XDisplay display;
  static Process app;
  static Cdp page;
  static HttpServer elsewhere;
  static final AtomicInteger elsewhereHits = new AtomicInteger();
  static Path opened;

  @BeforeAll
  static void launch() throws Exception {
    display = XDisplay.acquire();
    // A stand-in for the internet: any request reaching it is a leak from the window.
    elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.createContext(
        "/",
        ex -> {
          elsewhereHits.incrementAndGet();
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    elsewhere.start();
    // $BROWSER is how the window opens off-origin links; here it only records them.
    opened = dir.resolve("opened.txt");
    Path browser = dir.resolve("browser.sh");
    Files.writeString(browser, "#!/bin/sh\necho \"$1\" >> '" + opened + "'\n");
    Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
    int cdpPort;
    try (ServerSocket s = new ServerSocket(0)) {
      cdpPort = s.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC",
                "-Dportfolioos.sidecar.jar=" + System.getProperty("sidecar.jar"),
                "-jar",
                System.getProperty("shell.jar"),
                "--data-dir",
                dir.resolve("data").toString(),
                "--remote-debugging-port",
                Integer.toString(cdpPort)));
    Map<String, String> env = pb.environment();
    env.put("DISPLAY", display.name);
    env.put("BROWSER", browser.toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile());
    app = pb.start();
    page = Cdp.connect(cdpPort, url -> url.startsWith("http://127.0.0.1:"), 90);
  }

  @AfterAll
  static void stop() throws Exception {
    if (page != null) {
      page.close();
    }
    if (app != null && app.isAlive()) {
      app.destroyForcibly();
      app.waitFor(10, TimeUnit.SECONDS);
    }
    if (elsewhere != null) {
      elsewhere.stop(0);
    }
    if (display != null) {
      display.close();
    }
  }

  @Test
  @Order(1)
  void showsTheDashboardWithDataFromTheEngine() throws Exception {
    page.await(
        "document.querySelector('[data-testid=dashboard-ping]')?.dataset.state === 'ok'", 60);
    assertThat(
            page.eval("document.querySelector('[data-testid=dashboard-version]').textContent")
                .asText())
        .isNotBlank();
    Files.createDirectories(SHOTS);
    Path shot = SHOTS.resolve("desktop-window.png");
    ProcessBuilder importer =
        new ProcessBuilder("import", "-window", "root", shot.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("import.log").toFile());
    importer.environment().put("DISPLAY", display.name);
    Process p = importer.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("import.log"))).isZero();
    assertThat(Files.size(shot)).isGreaterThan(5_000);
  }

  @Test
  @Order(2)
  void pingsTheSidecarThroughCefQuery() throws Exception {
    JsonNode reply = query("{method: 'system.ping', params: {echo: 'from-the-window'}}");
    assertThat(reply.path("ok").asBoolean()).as(reply.toString()).isTrue();
    assertThat(reply.path("data").path("pong").asBoolean()).isTrue();
    assertThat(reply.path("data").path("echo").asText()).isEqualTo("from-the-window");
  }

  @Test
  @Order(3)
  void validatesParamsAgainstTheContractAndNeverSendsAStackTrace() throws Exception {
    JsonNode bad = query("{method: 'system.ping', params: {echo: 'x'.repeat(2000)}}");
    assertThat(bad.path("ok").asBoolean()).isFalse();
    assertThat(bad.path("error").path("code").asText()).isEqualTo("INVALID_PARAMS");
    assertThat(bad.path("error").path("field").asText()).isEqualTo("echo");
    JsonNode unknown = query("{method: 'system.nope', params: {}}");
    assertThat(unknown.path("error").path("code").asText()).isEqualTo("METHOD_NOT_FOUND");
    assertThat(bad.toString() + unknown).doesNotContain("at io.portfolioos", "Exception");
  }

  @Test
  @Order(4)
  void streamsSidecarStateEventsThroughTheLongPoll() throws Exception {
    JsonNode states =
        page.eval(
            """
            new Promise((resolve) => {
              const seen = [];
              const poll = () => window.cefQuery({
                request: JSON.stringify({ subscribe: 'events', session: 'it-events' }),
                onSuccess: (text) => {
                  for (const m of JSON.parse(text).events) {
                    if (m.event === 'sidecar') seen.push(m.data.state);
                  }
                  if (seen.includes('RUNNING')) resolve(seen); else poll();
                },
                onFailure: (code, message) => resolve(['failed ' + code + ' ' + message]),
              });
              poll();
              window.cefQuery({
                request: JSON.stringify({ method: 'system.restartSidecar', params: {} }),
                onSuccess: () => {}, onFailure: () => {},
              });
            })""");
    assertThat(JSON.convertValue(states, List.class))
        .containsSubsequence("RESTARTING", "STARTING", "RUNNING");
  }

  @Test
  @Order(5)
  void refusesToNavigateOffOriginAndOpensTheLinkInTheUsersBrowser() throws Exception {
    String away = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/somewhere?x=1";
    String origin = page.eval("location.origin").asText();
    assertThat(origin).startsWith("http://127.0.0.1:");
    page.eval("location.href = '" + away + "'; true");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(Files.exists(opened) && Files.readString(opened).contains(away))) {
      assertThat(System.nanoTime()).as("the link reached $BROWSER").isLessThan(deadline);
      Thread.sleep(50);
    }
    // images, scripts and fetches to another origin never leave the window either
    page.eval(
        "const i = document.createElement('img'); i.src = '"
            + away
            + "&img'; document.body.append(i);"
            + " fetch('"
            + away
            + "&fetch').catch(() => {}); true");
    Thread.sleep(1000);
    assertThat(page.eval("location.origin").asText()).isEqualTo(origin);
    assertThat(elsewhereHits.get()).isZero();
  }

  @Test
  @Order(6)
  void exitsWithItsHelpersAndSidecarOnSigterm() throws Exception {
    List<ProcessHandle> children = app.toHandle().descendants().toList();
    assertThat(children).isNotEmpty();
    app.destroy();
    assertThat(app.waitFor(20, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(children.stream().filter(ProcessHandle::isAlive).toList()).isEmpty();
  }

  /** One call through the page's own cefQuery, answered with the IPC envelope. */
  private static JsonNode query(String call) throws Exception {
    String text =
        page.eval(
                "new Promise((resolve) => window.cefQuery({ request: JSON.stringify("
                    + call
                    + "), onSuccess: resolve,"
                    + " onFailure: (code, message) => resolve(JSON.stringify({bridge: code,"
                    + " message})) }))")
            .asText();
    return JSON.readTree(text);
  }
}

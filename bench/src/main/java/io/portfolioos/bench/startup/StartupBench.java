package io.portfolioos.bench.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Desktop start-up and idle memory (issue 3): the time from launching {@code ./portfolioos} to the
 * dashboard painted with the engine's answer, warm (natives already unpacked, OS caches hot), and
 * the whole app's PSS at idle (shell JVM + Chromium helpers + sidecar, from {@code
 * /proc/<pid>/smaps_rollup}). Baselines from the same run: a bare JVM printing one line, and a bare
 * headless Chromium on about:blank.
 *
 * <p>Needs an X display: uses {@code $DISPLAY}, else starts Xvfb. Run: {@code bench/run
 * StartupBench [runs]}
 */
public final class StartupBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAINTED =
      "new Promise(r => requestAnimationFrame(() => r(document.querySelector("
          + "'[data-testid=dashboard-ping]')?.dataset.state === 'ok' && document.querySelector("
          + "'[data-testid=dashboard-version]')?.textContent.trim().length > 0)))";

  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // bench/run passes the sidecar jar as <root>/sidecar/target/…; the launcher is
    // <root>/portfolioos
    Path root =
        Path.of(System.getProperty("sidecar.jar", "sidecar/target/portfolioos-sidecar.jar"))
            .toAbsolutePath()
            .getParent()
            .getParent()
            .getParent();
    Path launcher = root.resolve("portfolioos");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException("no launcher at " + launcher);
    }
    Process xvfb = null;
    String display = System.getenv("DISPLAY");
    if (display == null || display.isBlank()) {
      display = ":" + (100 + ProcessHandle.current().pid() % 50);
      xvfb =
          new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      Thread.sleep(1000);
    }
    Path dataDir = Files.createTempDirectory("startupbench");
    try {
      System.out.printf(
          "display %s, data dir %s, %d warm runs, load average %s%n",
          display, dataDir, runs, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      // The first start after a build also trains the shell's AOT cache, which it writes once the
      // dashboard is up: like a user's first session, it stays open until the cache is there.
      Path aotCache = root.resolve("shell/target/portfolioos-desktop.aot");
      Files.deleteIfExists(aotCache);
      Launch firstLaunch = launch(launcher, dataDir, display, false, aotCache);
      System.out.printf(
          "first start (unpacks the browser engine, trains the AOT cache): %.0f ms; AOT cache %s%n",
          firstLaunch.startMillis,
          Files.isRegularFile(aotCache) && Files.size(aotCache) > 0
              ? "written (" + Files.size(aotCache) / (1 << 20) + " MB)"
              : "NOT written: warm starts run without it");
      double[] app = new double[runs];
      double[] jvm = new double[runs];
      Launch idle = null;
      for (int i = 0; i < runs; i++) {
        jvm[i] = helloJvm();
        boolean last = i == runs - 1;
        Launch l = launch(launcher, dataDir, display, last, null);
        app[i] = l.startMillis;
        if (last) {
          idle = l;
        }
      }
      System.out.printf(
          "warm start to dashboard painted with data: median %.0f ms (runs %s)%n",
          median(app), Arrays.toString(Arrays.stream(app).mapToLong(Math::round).toArray()));
      System.out.printf("  baseline, bare JVM hello world: median %.0f ms%n", median(jvm));
      System.out.printf(
          "idle PSS after 5 s: whole app %.0f MB = shell JVM %.0f + Chromium helpers %.0f (%d"
              + " processes) + sidecar %.0f%n",
          idle.shellMb + idle.helpersMb + idle.sidecarMb,
          idle.shellMb,
          idle.helpersMb,
          idle.helperCount,
          idle.sidecarMb);
      System.out.printf(
          "  baseline, bare headless Chromium (about:blank): %.0f MB%n", chromiumBaselineMb());
    } finally {
      if (xvfb != null) {
        xvfb.destroy();
      }
      deleteTree(dataDir);
    }
  }

  private record Launch(
      double startMillis, double shellMb, double helpersMb, int helperCount, double sidecarMb) {}

  private static Launch launch(
      Path launcher, Path dataDir, String display, boolean measureMemory, Path awaitFile)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            launcher.toString(),
            "--data-dir",
            dataDir.toString(),
            "--remote-debugging-port",
            Integer.toString(port));
    Map<String, String> env = pb.environment();
    env.put("DISPLAY", display);
    pb.redirectErrorStream(true)
        .redirectOutput(dataDir.resolveSibling("startupbench.log").toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      waitPainted(port, p);
      double millis = (System.nanoTime() - t0) / 1e6;
      if (awaitFile != null) {
        // written once the JVM removed its training configuration beside it
        Path config = awaitFile.resolveSibling(awaitFile.getFileName() + ".config");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until
            && !(Files.isRegularFile(awaitFile) && !Files.exists(config))) {
          Thread.sleep(200);
        }
      }
      if (!measureMemory) {
        return new Launch(millis, 0, 0, 0, 0);
      }
      Thread.sleep(5000);
      double shell = pssMb(p.pid());
      double helpers = 0;
      double sidecar = 0;
      int count = 0;
      for (ProcessHandle h : p.toHandle().descendants().toList()) {
        String cmd = h.info().commandLine().orElse("");
        if (cmd.contains("portfolioos-sidecar")) {
          sidecar += pssMb(h.pid());
        } else {
          helpers += pssMb(h.pid());
          count++;
        }
      }
      return new Launch(millis, shell, helpers, count, sidecar);
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static void waitPainted(int port, Process p) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String ws = null;
    while (ws == null) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the window never appeared");
      }
      try {
        for (JsonNode page :
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())) {
          if (page.path("url").asText().startsWith("http://127.0.0.1:")) {
            ws = page.path("webSocketDebuggerUrl").asText();
          }
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (ws == null) {
        Thread.sleep(10);
      }
    }
    Evaluator eval = new Evaluator();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), eval).get();
    try {
      while (!eval.ask(socket, PAINTED)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the dashboard never showed the engine's answer");
        }
        Thread.sleep(10);
      }
    } finally {
      socket.abort();
    }
  }

  /** One Runtime.evaluate at a time, enough for polling a condition. */
  private static final class Evaluator implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private volatile CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    private int id;

    boolean ask(WebSocket socket, String expression) throws Exception {
      answer = new CompletableFuture<>();
      var msg = JSON.createObjectNode().put("id", ++id).put("method", "Runtime.evaluate");
      msg.putObject("params")
          .put("expression", expression)
          .put("awaitPromise", true)
          .put("returnByValue", true);
      socket.sendText(msg.toString(), true);
      return answer
          .get(10, TimeUnit.SECONDS)
          .path("result")
          .path("result")
          .path("value")
          .asBoolean();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode node = JSON.readTree(text.toString());
          if (node.has("id")) {
            answer.complete(node);
          }
        } catch (IOException e) {
          answer.completeExceptionally(e);
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  private static double helloJvm() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    String cp = System.getProperty("java.class.path");
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", cp, Hello.class.getName())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor();
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double chromiumBaselineMb() throws Exception {
    Path profile = Files.createTempDirectory("startupbench-chromium");
    Process p =
        new ProcessBuilder(
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Thread.sleep(5000);
      double total = pssMb(p.pid());
      for (ProcessHandle h : p.toHandle().descendants().toList()) {
        total += pssMb(h.pid());
      }
      return total;
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
      deleteTree(profile);
    }
  }

  /** Proportional set size: shared pages split between the processes sharing them. */
  static double pssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      return 0; // the process ended between listing and reading
    }
    return 0;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(all.get(i));
    }
  }
}

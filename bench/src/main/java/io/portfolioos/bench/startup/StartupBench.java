package io.portfolioos.bench.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.portfolioos.bench.BenchFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Desktop start-up and idle memory (issue 3): the time from launching {@code ./portfolioos} to the
 * dashboard painted with the engine's answer, warm (natives already unpacked, OS caches hot), and
 * the whole app's PSS at idle (shell JVM + Chromium helpers + sidecar, from {@code
 * /proc/<pid>/smaps_rollup}). Baselines from the same run: a bare JVM printing one line, a bare
 * headless Chromium on about:blank, and the floor: a bare JCEF window ({@link FloorWindow}: the
 * app's Chromium, flags and JVM options, nothing of the app) from launch to painting a tiny static
 * page, measured the same way and alternately with the app. Beside each start, the CPU time its
 * processes had used when the page was painted ({@code /proc/<pid>/stat}), which the load of a
 * shared machine disturbs far less than the wall-clock time.
 *
 * <p>Needs an X display: uses {@code $DISPLAY}, else starts Xvfb. Run: {@code bench/run
 * StartupBench [runs]}
 */
public final class StartupBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The launcher's JVM options for the shell (see ./portfolioos), for the floor's JVM. */
  private static final List<String> SHELL_JVM_OPTIONS =
      List.of(
          "--enable-native-access=ALL-UNNAMED",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Xms16m");

  private static final String FLOOR_PAGE =
      "<!doctype html><title>floor</title><p id=floor>StartupBench floor</p>";
  private static final String FLOOR_PAINTED =
      "new Promise(r => requestAnimationFrame(() =>"
          + " r(document.getElementById('floor') !== null)))";
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
          firstLaunch.startMillis, aotState(aotCache));
      // The floor shares the app's unpacked natives but has a profile of its own.
      Path floorDir = Files.createTempDirectory("startupbench-floor");
      Files.createDirectories(floorDir.resolve("cache"));
      Files.createSymbolicLink(
          floorDir.resolve("cache/jcef"), dataDir.resolve("cache/jcef").toAbsolutePath());
      Path floorAot = floorDir.resolve("floor.aot");
      HttpServer page = floorPage();
      String floorUrl = "http://127.0.0.1:" + page.getAddress().getPort() + "/floor.html";
      double[] app = new double[runs];
      double[] floor = new double[runs];
      double[] jvm = new double[runs];
      Cpu[] appCpu = new Cpu[runs];
      Cpu[] floorCpu = new Cpu[runs];
      Launch idle = null;
      try {
        Launch floorFirst = launchFloor(floorDir, floorUrl, display, floorAot, true);
        System.out.printf(
            "floor's first start (trains its AOT cache): %.0f ms; AOT cache %s%n",
            floorFirst.startMillis, aotState(floorAot));
        for (int i = 0; i < runs; i++) {
          jvm[i] = helloJvm();
          Launch f = launchFloor(floorDir, floorUrl, display, floorAot, false);
          floor[i] = f.startMillis;
          floorCpu[i] = f.cpu;
          boolean last = i == runs - 1;
          Launch l = launch(launcher, dataDir, display, last, null);
          app[i] = l.startMillis;
          appCpu[i] = l.cpu;
          if (last) {
            idle = l;
          }
        }
      } finally {
        page.stop(0);
        BenchFiles.deleteTree(floorDir);
      }
      System.out.printf(
          "warm start to dashboard painted with data: median %.0f ms (runs %s)%n",
          median(app), Arrays.toString(Arrays.stream(app).mapToLong(Math::round).toArray()));
      System.out.printf(
          "  CPU when painted: median %s%n", Cpu.median(appCpu).describe("shell JVM", "sidecar"));
      System.out.printf(
          "  floor, bare JCEF window on a static page (the app's Chromium, flags, JVM options):"
              + " median %.0f ms (runs %s)%n",
          median(floor), Arrays.toString(Arrays.stream(floor).mapToLong(Math::round).toArray()));
      System.out.printf(
          "    CPU when painted: median %s%n", Cpu.median(floorCpu).describe("JVM", null));
      System.out.printf("  app ÷ floor: %.2f×%n", median(app) / median(floor));
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
      BenchFiles.deleteTree(dataDir);
    }
  }

  private record Launch(
      double startMillis,
      Cpu cpu,
      double shellMb,
      double helpersMb,
      int helperCount,
      double sidecarMb) {}

  /** CPU seconds (user + system) a start's processes had used when its page was painted. */
  private record Cpu(double jvm, double helpers, double sidecar) {
    double total() {
      return jvm + helpers + sidecar;
    }

    static Cpu of(Process p) {
      double helpers = 0;
      double sidecar = 0;
      for (ProcessHandle h : p.toHandle().descendants().toList()) {
        if (h.info().commandLine().orElse("").contains("portfolioos-sidecar")) {
          sidecar += cpuSeconds(h.pid());
        } else {
          helpers += cpuSeconds(h.pid());
        }
      }
      return new Cpu(cpuSeconds(p.pid()), helpers, sidecar);
    }

    /** Each part's median on its own, and the median of the totals. */
    static Cpu median(Cpu[] cs) {
      return new Cpu(
          StartupBench.median(Arrays.stream(cs).mapToDouble(Cpu::jvm).toArray()),
          StartupBench.median(Arrays.stream(cs).mapToDouble(Cpu::helpers).toArray()),
          StartupBench.median(Arrays.stream(cs).mapToDouble(Cpu::sidecar).toArray()));
    }

    String describe(String jvmName, @Nullable String sidecarName) {
      return String.format(
          "%.2f s = %s %.2f (with Chromium's browser process) + Chromium helpers %.2f%s",
          total(),
          jvmName,
          jvm,
          helpers,
          sidecarName == null ? "" : String.format(" + %s %.2f", sidecarName, sidecar));
    }
  }

  /**
   * utime + stime from {@code /proc/<pid>/stat}, 0 for a process that is gone. The fields are
   * counted after the command name, which may itself hold spaces.
   */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
    } catch (IOException e) {
      return 0;
    }
  }

  /** USER_HZ, the unit of /proc's CPU times: 100 on every Linux this runs on. */
  private static final int CLOCK_TICKS = 100;

  private static HttpServer floorPage() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = FLOOR_PAGE.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
          }
        });
    server.start();
    return server;
  }

  /**
   * Starts {@link FloorWindow} with the shell's JVM options and waits until it painted the page. A
   * training start trains the floor's own AOT cache and waits until it is written; later starts use
   * it, as the app's warm starts use the app's.
   */
  private static Launch launchFloor(
      Path floorDir, String url, String display, Path aotCache, boolean training) throws Exception {
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    cmd.addAll(SHELL_JVM_OPTIONS);
    if (training) {
      cmd.add("-XX:AOTCacheOutput=" + aotCache);
      cmd.add("-Dportfolioos.aot.training=true");
    } else if (Files.isRegularFile(aotCache)) {
      cmd.add("-XX:AOTCache=" + aotCache);
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            FloorWindow.class.getName(),
            floorDir.toString(),
            url,
            Integer.toString(port)));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DISPLAY", display);
    pb.redirectErrorStream(true).redirectOutput(floorDir.resolve("floor.log").toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      waitPainted(port, p, url, FLOOR_PAINTED);
      double millis = (System.nanoTime() - t0) / 1e6;
      Cpu cpu = Cpu.of(p);
      if (training) {
        awaitAotCache(aotCache);
      }
      return new Launch(millis, cpu, 0, 0, 0, 0);
    } finally {
      stop(p);
    }
  }

  private static String aotState(Path cache) throws IOException {
    return Files.isRegularFile(cache) && Files.size(cache) > 0
        ? "written (" + Files.size(cache) / (1 << 20) + " MB)"
        : "NOT written: warm starts run without it";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A JVM writes its AOT cache, then removes the training configuration beside it. */
  private static void awaitAotCache(Path cache) throws InterruptedException {
    Path config = cache.resolveSibling(cache.getFileName() + ".config");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < until && !(Files.isRegularFile(cache) && !Files.exists(config))) {
      Thread.sleep(200);
    }
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  private static Launch launch(
      Path launcher, Path dataDir, String display, boolean measureMemory, Path awaitFile)
      throws Exception {
    int port = freePort();
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
      waitPainted(port, p, "http://127.0.0.1:", PAINTED);
      double millis = (System.nanoTime() - t0) / 1e6;
      Cpu cpu = Cpu.of(p);
      if (awaitFile != null) {
        awaitAotCache(awaitFile);
      }
      if (!measureMemory) {
        return new Launch(millis, cpu, 0, 0, 0, 0);
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
      return new Launch(millis, cpu, shell, helpers, count, sidecar);
    } finally {
      stop(p);
    }
  }

  /** Polls over CDP until the page whose URL starts with {@code url} says {@code painted}. */
  private static void waitPainted(int port, Process p, String url, String painted)
      throws Exception {
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
          if (page.path("url").asText().startsWith(url)) {
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
      while (!eval.ask(socket, painted)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the page never painted: " + url);
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
      // the helpers outlive their browser for a moment and keep writing to the profile
      List<ProcessHandle> helpers = p.toHandle().descendants().toList();
      p.destroy();
      helpers.forEach(ProcessHandle::destroy);
      p.waitFor(10, TimeUnit.SECONDS);
      for (ProcessHandle h : helpers) {
        h.onExit().get(10, TimeUnit.SECONDS);
      }
      BenchFiles.deleteTree(profile);
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
}

package io.portfolioos.sidecar;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.wire.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real child process spoken to in JSON lines over its stdin/stdout, for integration tests. */
public final class LineProcess implements AutoCloseable {
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private LineProcess(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // process gone
              }
            });
  }

  public static LineProcess start(List<String> command, Path stderrLog) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(stderrLog.toFile());
    return new LineProcess(pb.start());
  }

  /**
   * The sidecar jar on the runtime the shell starts it with (SidecarSettings.javaFor): the trimmed
   * one the build links beside the jar, so these tests catch a module it lacks.
   */
  public static List<String> sidecarCommand(Path dataDir, String... extra) {
    Path jar = Path.of(System.getProperty("sidecar.jar", "target/portfolioos-sidecar.jar"));
    Path runtime = jar.toAbsolutePath().resolveSibling("runtime/bin/java");
    if (!Files.isExecutable(runtime)) {
      throw new IllegalStateException(
          "no sidecar runtime at " + runtime + ": build it with ./mvnw -pl sidecar -am package");
    }
    List<String> cmd = new ArrayList<>(javaCommand());
    cmd.set(0, runtime.toString());
    // as the shell does (SidecarSettings.nativeLibraryOptions): DuckDB's library unpacked at build
    cmd.add("-Djava.library.path=" + jar.toAbsolutePath().resolveSibling("native"));
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.add("--data-dir");
    cmd.add(dataDir.toString());
    cmd.addAll(List.of(extra));
    return cmd;
  }

  public static List<String> javaCommand() {
    return List.of(
        ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED",
        "-XX:TieredStopAtLevel=1");
  }

  public void send(String json) throws IOException {
    sendRaw((json + "\n").getBytes(UTF_8));
  }

  public void sendRaw(byte[] bytes) throws IOException {
    stdin.write(bytes);
    stdin.flush();
  }

  public String nextLine() throws InterruptedException {
    String line = lines.poll(20, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError(
          "no line from the process within 20 s (alive=" + process.isAlive() + ")");
    }
    return line;
  }

  public JsonNode next() throws Exception {
    return Json.MAPPER.readTree(nextLine());
  }

  /** Skips notifications until a reply (or batch) arrives. */
  public JsonNode nextReply() throws Exception {
    while (true) {
      JsonNode n = next();
      if (n.isArray() || n.has("id")) {
        return n;
      }
    }
  }

  public JsonNode call(String json) throws Exception {
    send(json);
    return nextReply();
  }

  /** Nothing more arrives within the wait (for notifications, which get no reply). */
  public boolean silentFor(long millis) throws InterruptedException {
    return lines.poll(millis, TimeUnit.MILLISECONDS) == null;
  }

  public void closeStdin() throws IOException {
    stdin.close();
  }

  public int waitForExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("process did not exit within 30 s");
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}

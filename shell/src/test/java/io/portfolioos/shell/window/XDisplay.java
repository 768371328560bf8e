package io.portfolioos.shell.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The X display a window test draws on: the session's own {@code $DISPLAY}, else a private Xvfb
 * started here. Throws (the test fails, never skips) when neither is available.
 */
final class XDisplay implements AutoCloseable {
  final String name;
  private final Process xvfb;

  private XDisplay(String name, Process xvfb) {
    this.name = name;
    this.xvfb = xvfb;
  }

  static XDisplay acquire() throws IOException, InterruptedException {
    String existing = System.getenv("DISPLAY");
    if (existing != null && !existing.isBlank()) {
      return new XDisplay(existing, null);
    }
    for (int n = 90; n < 140; n++) {
      if (Files.exists(Path.of("/tmp/.X" + n + "-lock"))
          || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
        continue;
      }
      Process p =
          new ProcessBuilder(
                  List.of("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      Path socket = Path.of("/tmp/.X11-unix/X" + n);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (p.isAlive() && !Files.exists(socket) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (p.isAlive() && Files.exists(socket)) {
        return new XDisplay(":" + n, p);
      }
      p.destroyForcibly();
    }
    throw new IllegalStateException(
        "no X display: DISPLAY is unset and Xvfb could not start (apt-get install xvfb)");
  }

  @Override
  public void close() throws InterruptedException {
    if (xvfb != null) {
      xvfb.destroy();
      xvfb.waitFor(5, TimeUnit.SECONDS);
    }
  }
}

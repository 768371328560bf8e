package io.portfolioos.shell.startup;

import java.time.Duration;
import java.time.Instant;

/**
 * With {@code PORTFOLIOOS_TRACE_STARTUP=1}, prints on stderr how long after the process began
 * ({@code ./portfolioos} is exec'd into the JVM, so that is the launcher's start) each step of the
 * start-up was reached: the figures behind docs/desktop.md's start-up breakdown.
 */
public final class StartupTrace {
  private static final boolean ON = "1".equals(System.getenv("PORTFOLIOOS_TRACE_STARTUP"));
  private static final Instant START = start();

  private StartupTrace() {}

  /**
   * When the launcher began, as it exported it; the process's start time from the OS is only
   * precise to about a second (it counts from the boot time in whole seconds).
   */
  private static Instant start() {
    String launched = System.getenv("PORTFOLIOOS_LAUNCHED_AT");
    if (launched != null && launched.matches("\\d+\\.\\d{6}")) {
      String[] parts = launched.split("\\.");
      return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]) * 1000);
    }
    return ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
  }

  public static void mark(String step) {
    if (ON) {
      System.err.printf(
          "portfolioos: start-up +%d ms %s [%s]%n",
          Duration.between(START, Instant.now()).toMillis(),
          step,
          Thread.currentThread().getName());
    }
  }
}

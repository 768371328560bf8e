package io.portfolioos.shell.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the supervisor runs the sidecar. Validated on construction so a bad setting fails at start
 * with a message naming it (HikariCP style), not at the first crash.
 *
 * @param jvmOptions extra JVM options for the sidecar (e.g. an AOT cache)
 * @param healthInterval how often a ping checks that the sidecar still answers
 * @param healthTimeout how long a ping may take before the sidecar is declared hung and killed
 * @param backoffBase delay before the second restart in a row (the first is immediate); doubles per
 *     further consecutive crash, with ±25% jitter
 * @param backoffMax the longest restart delay
 * @param maxCrashes crashes within {@code crashWindow} after which the supervisor gives up
 * @param healthyAfter running this long resets the backoff
 */
public record SidecarSettings(
    Path javaExecutable,
    Path sidecarJar,
    Path dataDir,
    List<String> jvmOptions,
    Duration healthInterval,
    Duration healthTimeout,
    Duration backoffBase,
    Duration backoffMax,
    int maxCrashes,
    Duration crashWindow,
    Duration healthyAfter,
    Duration stopGrace) {

  public SidecarSettings {
    jvmOptions = List.copyOf(jvmOptions);
    if (!Files.isExecutable(javaExecutable)) {
      throw new IllegalArgumentException(
          "sidecar javaExecutable " + javaExecutable + " is not an executable file");
    }
    if (!Files.isRegularFile(sidecarJar)) {
      throw new IllegalArgumentException(
          "sidecarJar "
              + sidecarJar
              + " does not exist: build it with ./mvnw -pl sidecar -am package -DskipTests"
              + " or set -Dportfolioos.sidecar.jar");
    }
    positive(healthInterval, "healthInterval");
    positive(healthTimeout, "healthTimeout");
    positive(backoffBase, "backoffBase");
    positive(crashWindow, "crashWindow");
    positive(stopGrace, "stopGrace");
    if (backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoffMax must be >= backoffBase");
    }
    if (maxCrashes < 1) {
      throw new IllegalArgumentException("maxCrashes must be >= 1, was " + maxCrashes);
    }
  }

  private static void positive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }

  /**
   * {@code -Djava.library.path} for DuckDB's native library when the build unpacked it beside the
   * jar (sidecar/pom.xml): then the driver loads it in place instead of inflating 70 MB into /tmp
   * on every start. Empty when there is no such folder; the driver then unpacks as usual.
   */
  public static List<String> nativeLibraryOptions(Path sidecarJar) {
    Path natives = sidecarJar.toAbsolutePath().resolveSibling("native");
    return Files.isDirectory(natives) ? List.of("-Djava.library.path=" + natives) : List.of();
  }

  /**
   * The JVM to run the sidecar on: the trimmed runtime the build links beside its jar
   * (sidecar/pom.xml; it starts faster, mostly because it leaves out the locale data), else the JVM
   * running the shell.
   */
  public static Path javaFor(Path sidecarJar) {
    Path runtime = sidecarJar.toAbsolutePath().resolveSibling("runtime/bin/java");
    return Files.isExecutable(runtime) ? runtime : currentJava();
  }

  /**
   * JVM options for the sidecar: the parallel collector (a million-row recompute allocates hundreds
   * of MB while its growing columns stay live, and the serial collector's pauses were about half of
   * it), a small initial heap that grows when a calculation needs it (at 1/64 of the RAM, the young
   * generation alone keeps tens of MB resident in an engine that mostly waits), no hsperfdata file
   * (its setup is part of every cold start, and nothing here attaches jstat), and the AOT cache
   * beside the jar when the build trained one (with the same collector).
   */
  public static List<String> defaultJvmOptions(Path sidecarJar) {
    List<String> opts =
        new ArrayList<>(List.of("-XX:+UseParallelGC", "-Xms16m", "-XX:-UsePerfData"));
    Path aot = sidecarJar.toAbsolutePath().resolveSibling("portfolioos-sidecar.aot");
    if (Files.isRegularFile(aot)) {
      opts.add("-XX:AOTCache=" + aot);
    }
    return opts;
  }

  /** Production defaults with {@link #defaultJvmOptions}. */
  public static SidecarSettings defaults(Path sidecarJar, Path dataDir) {
    return defaults(sidecarJar, dataDir, defaultJvmOptions(sidecarJar));
  }

  /** Production defaults: {@link #javaFor}, a ping every 5 s, give up after 5 crashes in 60 s. */
  public static SidecarSettings defaults(Path sidecarJar, Path dataDir, List<String> jvmOptions) {
    return new SidecarSettings(
        javaFor(sidecarJar),
        sidecarJar,
        dataDir,
        jvmOptions,
        Duration.ofSeconds(5),
        Duration.ofSeconds(3),
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        5,
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5));
  }

  public SidecarSettings withHealth(Duration interval, Duration timeout) {
    return new SidecarSettings(
        javaExecutable,
        sidecarJar,
        dataDir,
        jvmOptions,
        interval,
        timeout,
        backoffBase,
        backoffMax,
        maxCrashes,
        crashWindow,
        healthyAfter,
        stopGrace);
  }

  public SidecarSettings withCrashLimit(int crashes, Duration window) {
    return new SidecarSettings(
        javaExecutable,
        sidecarJar,
        dataDir,
        jvmOptions,
        healthInterval,
        healthTimeout,
        backoffBase,
        backoffMax,
        crashes,
        window,
        healthyAfter,
        stopGrace);
  }

  private static Path currentJava() {
    return Path.of(ProcessHandle.current().info().command().orElse("java"));
  }
}

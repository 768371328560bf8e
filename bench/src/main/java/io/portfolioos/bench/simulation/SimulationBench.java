package io.portfolioos.bench.simulation;

import io.portfolioos.contract.simulation.ReturnsModel;
import io.portfolioos.contract.simulation.SimulationAllocation;
import io.portfolioos.contract.simulation.SimulationConfig;
import io.portfolioos.contract.simulation.SimulationResult;
import io.portfolioos.contract.simulation.SimulationReturns;
import io.portfolioos.contract.simulation.WithdrawalConfig;
import io.portfolioos.contract.simulation.WithdrawalStrategy;
import io.portfolioos.contract.simulation.WithdrawalTiming;
import io.portfolioos.sidecar.simulation.SimulationModule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the simulation engine in-process, as {@code simulation.run} runs it (all cores): 10,000
 * trials × 50 years Guyton-Klinger on a 5-year block bootstrap (targets ≤ 50 ms), the same at
 * 1,000,000 trials (≤ 3 s), and, as the baseline, the same 10,000-trial model vectorized in NumPy
 * ({@code bench/simulation/numpy_baseline.py}, run as a child process). Prints medians and the
 * ratio. Run with {@code bench/run SimulationBench}.
 */
public final class SimulationBench {
  private SimulationBench() {}

  static SimulationConfig gkBootstrap(int trials) {
    return new SimulationConfig(
        1_000_000.0,
        50,
        trials,
        42L,
        new SimulationAllocation(0.6, 0.4),
        new SimulationReturns(ReturnsModel.bootstrap, null, null, null, null, 5, 1871, 2010),
        new WithdrawalConfig(WithdrawalStrategy.guytonKlinger, 0.05, null, null, 0.2, 0.1),
        List.of(),
        0.002,
        WithdrawalTiming.start,
        false);
  }

  public static void main(String[] args) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "SimulationBench: %d cores, %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    SimulationConfig small = gkBootstrap(10_000);
    SimulationConfig big = gkBootstrap(1_000_000);
    // Warm up both sizes, then time the 10k run before and after the NumPy baseline so that load
    // from other processes on the machine hits both sides alike.
    times(small, 300);
    times(big, 2);
    double[] before = times(small, 25);
    String numpy = numpyBaseline();
    double[] after = times(small, 25);
    double[] all = concat(before, after);
    double smallMs = median(all);
    double smallMin = Arrays.stream(all).min().orElseThrow();
    SimulationResult r = SimulationModule.run(small);
    System.out.printf(
        Locale.ROOT,
        "java   10,000 x 50 GK bootstrap: median %7.2f ms  (success %.4f, median terminal %.0f)%n",
        smallMs,
        r.successRate(),
        r.medianTerminal());
    double bigMs = median(times(big, 5));
    SimulationResult rb = SimulationModule.run(big);
    System.out.printf(
        Locale.ROOT,
        "java 1,000,000 x 50 GK bootstrap: median %7.1f ms  (success %.4f, median terminal %.0f,"
            + " exact percentiles: %s)%n",
        bigMs,
        rb.successRate(),
        rb.medianTerminal(),
        rb.exactPercentiles());
    Matcher m = Pattern.compile("\"median_ms\": ([0-9.]+)").matcher(numpy);
    if (m.find()) {
      double numpyMs = Double.parseDouble(m.group(1));
      System.out.printf(
          Locale.ROOT, "numpy  10,000 x 50 GK bootstrap: median %7.2f ms  %s%n", numpyMs, numpy);
      Matcher min = Pattern.compile("\"min_ms\": ([0-9.]+)").matcher(numpy);
      if (min.find()) {
        System.out.printf(
            Locale.ROOT,
            "fastest runs (least disturbed by other load): java %.2f ms, numpy %.2f ms, ratio"
                + " %.1fx%n",
            smallMin,
            Double.parseDouble(min.group(1)),
            Double.parseDouble(min.group(1)) / smallMin);
      }
      System.out.printf(
          Locale.ROOT,
          "ratio numpy/java (10k, medians): %.1fx   targets: 10k <= 50 ms %s, 1M <= 3000 ms %s, >= 5x %s%n",
          numpyMs / smallMs,
          smallMs <= 50 ? "met" : "MISSED",
          bigMs <= 3000 ? "met" : "MISSED",
          numpyMs / smallMs >= 5 ? "met" : "MISSED");
    } else {
      System.out.println("numpy baseline failed: " + numpy);
    }
  }

  private static double[] times(SimulationConfig config, int runs) {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      SimulationModule.run(config);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    return ms;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static double median(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String numpyBaseline() throws IOException, InterruptedException {
    Path root = repoRoot();
    Path script = root.resolve("bench/simulation/numpy_baseline.py");
    Path csv = root.resolve("sidecar/src/main/resources/simulation/shiller-annual.csv");
    Process p =
        new ProcessBuilder("python3", script.toString(), csv.toString(), "10000", "50", "15")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    int code = p.waitFor();
    return code == 0 ? out : "exit " + code + ": " + out;
  }

  /** The repository root: -Dbench.root, else two levels above the bench jar (bench/target/). */
  private static Path repoRoot() {
    String explicit = System.getProperty("bench.root");
    if (explicit != null) {
      return Path.of(explicit);
    }
    try {
      Path jar =
          Path.of(
              SimulationBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = jar.getParent();
      while (dir != null && !Files.exists(dir.resolve("bench/simulation/numpy_baseline.py"))) {
        dir = dir.getParent();
      }
      return dir == null ? Path.of("").toAbsolutePath() : dir;
    } catch (URISyntaxException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}

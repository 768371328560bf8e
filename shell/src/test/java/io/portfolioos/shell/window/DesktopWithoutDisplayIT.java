package io.portfolioos.shell.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portfolioos} with no display: one line that points to {@code serve}, exit code 3. */
class DesktopWithoutDisplayIT {
  @TempDir Path dir;

  @Test
  void saysSoInOneLineAndSuggestsServe() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dportfolioos.sidecar.jar=" + System.getProperty("sidecar.jar"),
                "-jar",
                System.getProperty("shell.jar"),
                "--data-dir",
                dir.resolve("data").toString()));
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(3);
    assertThat(out).isEmpty();
    assertThat(err.lines().toList())
        .singleElement()
        .asString()
        .contains("no display")
        .contains("portfolioos serve");
    // it gave up before starting anything: no sidecar, no unpacked browser engine
    assertThat(Files.exists(dir.resolve("data").resolve("cache"))).isFalse();
    assertThat(Files.exists(dir.resolve("data").resolve("analytics.duckdb"))).isFalse();
  }
}

package io.portfolioos.shell.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's native open and save dialogs, shown on a real X display and answered by a user. */
class NativeDialogsIT {
  static XDisplay display;
  @TempDir Path dir;

  @BeforeAll
  static void startDisplay() throws Exception {
    display = XDisplay.acquire();
  }

  @AfterAll
  static void stopDisplay() throws Exception {
    if (display != null) {
      display.close();
    }
  }

  private String drive(String kind, Path file, String answer) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DialogDriver.class.getName(),
                kind,
                file.toString(),
                answer));
    pb.environment().put("DISPLAY", display.name);
    pb.redirectError(dir.resolve(kind + "-" + answer + ".log").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("driver log: %s", log(kind, answer)).isZero();
    return out;
  }

  private String log(String kind, String answer) throws IOException {
    return Files.readString(dir.resolve(kind + "-" + answer + ".log"));
  }

  @Test
  void theOpenDialogReturnsTheFileTheUserPicked() throws Exception {
    Path csv = Files.writeString(dir.resolve("broker.csv"), "date,type\n");

    assertThat(drive("open", csv, "approve")).isEqualTo("chosen " + csv);
  }

  @Test
  void aCancelledDialogReturnsNothing() throws Exception {
    Path csv = Files.writeString(dir.resolve("broker.csv"), "date,type\n");

    assertThat(drive("open", csv, "cancel")).isEqualTo("cancelled");
    assertThat(drive("save", dir.resolve("holdings.csv"), "cancel")).isEqualTo("cancelled");
  }

  @Test
  void theSaveDialogAddsTheExtensionToABareName() throws Exception {
    assertThat(drive("save", dir.resolve("holdings"), "approve"))
        .isEqualTo("chosen " + dir.resolve("holdings.csv"));
  }
}

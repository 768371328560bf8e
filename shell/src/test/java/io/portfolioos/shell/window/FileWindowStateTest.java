package io.portfolioos.shell.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWindowStateTest {
  @TempDir Path dir;

  @Test
  void remembersTheLastFrame() {
    WindowStateStore store =
        WindowStateStore.inFile(dir.resolve("sub").resolve("window.properties"));
    assertThat(store.load()).isEmpty();
    store.save(new WindowStateStore.Bounds(10, 20, 1000, 700, false));
    store.save(new WindowStateStore.Bounds(30, 40, 1100, 750, true));
    assertThat(WindowStateStore.inFile(dir.resolve("sub").resolve("window.properties")).load())
        .contains(new WindowStateStore.Bounds(30, 40, 1100, 750, true));
  }

  @Test
  void aDamagedFileOnlyCostsTheRememberedSize() throws Exception {
    Path file = dir.resolve("window.properties");
    Files.writeString(file, "x=1\nwidth=wide\n");
    assertThat(WindowStateStore.inFile(file).load()).isEmpty();
  }

  @Test
  void saveDialogAppendsTheExpectedExtensionToABareName() {
    assertThat(NativeSaveDialog.withExtension(Path.of("/tmp/report"), List.of("csv", "tsv")))
        .isEqualTo(Path.of("/tmp/report.csv"));
    assertThat(NativeSaveDialog.withExtension(Path.of("/tmp/report.TSV"), List.of("csv", "tsv")))
        .isEqualTo(Path.of("/tmp/report.TSV"));
    assertThat(NativeSaveDialog.withExtension(Path.of("/tmp/report"), List.of()))
        .isEqualTo(Path.of("/tmp/report"));
  }
}

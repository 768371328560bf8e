package io.portfolioos.shell.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.dialogs.FileFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserDownloadsTest {
  static final List<FileFilter> CSV = List.of(new FileFilter("CSV files", List.of("csv")));

  @TempDir Path root;

  @Test
  void eachChoiceIsAFreshFileInAPrivateFolderServedOnlyOnceWritten() throws Exception {
    try (BrowserDownloads downloads = BrowserDownloads.create(root)) {
      Path a = downloads.choose("Export", "holdings.csv", CSV).orElseThrow();
      Path b = downloads.choose("Export", "holdings.csv", CSV).orElseThrow();
      assertThat(a).isNotEqualTo(b).hasFileName("holdings.csv");
      assertThat(Files.isDirectory(a.getParent())).isTrue();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a.getParent())))
          .isEqualTo("rwx------");
      String id = a.getParent().getFileName().toString();
      assertThat(downloads.downloadUrl(a)).contains("/downloads/" + id + "/holdings.csv");
      assertThat(downloads.written(id)).isEmpty();
      Files.writeString(a, "x");
      assertThat(downloads.written(id)).contains(a);
      assertThat(downloads.downloadUrl(root.resolve("elsewhere/holdings.csv"))).isEmpty();
    }
    try (var left = Files.list(root)) {
      assertThat(left).as("the session folder is removed on close").isEmpty();
    }
  }

  @Test
  void theFirstFiltersExtensionIsAddedWhenTheNameHasNone() {
    List<FileFilter> both =
        List.of(
            new FileFilter("CSV files", List.of("csv")), new FileFilter("Excel", List.of("xlsx")));
    assertThat(BrowserDownloads.withExtension("report", both)).isEqualTo("report.csv");
    assertThat(BrowserDownloads.withExtension("report.XLSX", both)).isEqualTo("report.XLSX");
    assertThat(BrowserDownloads.withExtension("report", List.of())).isEqualTo("report");
  }
}

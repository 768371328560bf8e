package io.portfolioos.shell.dialogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DroppedFilesTest {
  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final DroppedFiles dropped = new DroppedFiles(clock);

  private static ErrorCode code(Throwable t) {
    return ((RpcException) t).code();
  }

  @Test
  void aDraggedFileIsFoundByTheNameThePageSaw() {
    dropped.dragged(List.of(Path.of("/home/me/a/broker.csv"), Path.of("/home/me/b/other.csv")));

    assertThat(dropped.find("other.csv").path()).isEqualTo("/home/me/b/other.csv");
    assertThat(dropped.find("broker.csv").path()).isEqualTo("/home/me/a/broker.csv");
  }

  @Test
  void onlyTheLatestFreshDragCounts() {
    dropped.dragged(List.of(Path.of("/home/me/broker.csv")));
    dropped.dragged(List.of(Path.of("/home/me/new.csv")));

    assertThatThrownBy(() -> dropped.find("broker.csv"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("drop it again");
    assertThat(dropped.find("new.csv").path()).isEqualTo("/home/me/new.csv");

    now = now.plus(Duration.ofMinutes(6));
    assertThatThrownBy(() -> dropped.find("new.csv"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.NOT_FOUND));
  }
}

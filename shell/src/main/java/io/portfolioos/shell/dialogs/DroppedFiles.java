package io.portfolioos.shell.dialogs;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.dialogs.DialogsMethods;
import io.portfolioos.contract.dialogs.OpenedPath;
import io.portfolioos.shell.ipc.IpcRouter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Files dragged over the desktop window, by path. Chromium hands the page only a dropped file's
 * name and contents; the window's drag handler reports the paths here as the drag enters, and
 * {@code dialogs.droppedFile {name}} gives the page back the path, so an import reads the file in
 * place instead of through an upload. Only the latest drag counts, and only for a few minutes.
 */
public final class DroppedFiles {
  private static final Duration FRESH = Duration.ofMinutes(5);

  private final Clock clock;
  private volatile Drag last = new Drag(List.of(), Instant.EPOCH);

  private record Drag(List<Path> paths, Instant at) {}

  public DroppedFiles(Clock clock) {
    this.clock = clock;
  }

  /** Called as a drag of files enters the window. */
  public void dragged(List<Path> paths) {
    last = new Drag(List.copyOf(paths), clock.instant());
  }

  OpenedPath find(String name) {
    Drag drag = last;
    if (drag.at().plus(FRESH).isAfter(clock.instant())) {
      for (Path p : drag.paths()) {
        Path file = p.getFileName();
        if (file != null && file.toString().equals(name)) {
          return new OpenedPath(p.toAbsolutePath().toString());
        }
      }
    }
    throw new RpcException(
        ErrorCode.NOT_FOUND,
        "The window did not see " + name + " dropped; drop it again or use Choose file…",
        "name");
  }

  /** Answers {@code dialogs.droppedFile} from this window's drags. */
  public void serve(IpcRouter router) {
    router.local(DialogsMethods.DROPPED_FILE, p -> find(p.name()));
  }

  /** Browser mode: dropped files are uploaded, so there are no paths to give. */
  public static void serveUnavailable(IpcRouter router) {
    router.local(
        DialogsMethods.DROPPED_FILE,
        p -> {
          throw new RpcException(
              ErrorCode.UNSUPPORTED, "Only the desktop window knows where dropped files are");
        });
  }
}

package io.portfolioos.shell.dialogs;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.dialogs.DialogsMethods;
import io.portfolioos.contract.dialogs.FileFilter;
import io.portfolioos.contract.dialogs.OpenedPath;
import io.portfolioos.shell.ipc.IpcRouter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the user which file to open. Only the desktop window has one (a native dialog); browser mode
 * answers {@code dialogs.openFile} with {@code UNSUPPORTED}, and its page uploads dropped files.
 */
public interface OpenDialog {
  /**
   * The chosen file, or empty when the user cancelled.
   *
   * @param filters the file types offered, the first one preselected; may be empty
   */
  Optional<Path> choose(String title, List<FileFilter> filters) throws InterruptedException;

  /** Answers {@code dialogs.openFile} with {@code dialog}. */
  static void serve(IpcRouter router, OpenDialog dialog) {
    router.local(
        DialogsMethods.OPEN_FILE,
        p ->
            dialog
                .choose(p.title(), p.filters())
                .map(path -> new OpenedPath(path.toString()))
                .orElse(OpenedPath.CANCELLED));
  }

  /** Answers {@code dialogs.openFile} with a clear {@code UNSUPPORTED}: no window, no dialog. */
  static void serveUnavailable(IpcRouter router) {
    router.local(
        DialogsMethods.OPEN_FILE,
        p -> {
          throw new RpcException(
              ErrorCode.UNSUPPORTED,
              "There is no file dialog in browser mode: drop the file on the page or type its path");
        });
  }
}

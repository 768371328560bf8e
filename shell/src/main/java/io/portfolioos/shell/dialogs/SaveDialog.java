package io.portfolioos.shell.dialogs;

import io.portfolioos.contract.dialogs.DialogsMethods;
import io.portfolioos.contract.dialogs.FileFilter;
import io.portfolioos.contract.dialogs.SavedPath;
import io.portfolioos.shell.ipc.IpcRouter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the user where to save a file: a native dialog in the window, a download in browser mode
 * ({@link BrowserDownloads}). {@code dialogs.saveFile} answers through whichever one the front end
 * installed.
 */
public interface SaveDialog {
  /**
   * The chosen file, or empty when the user cancelled.
   *
   * @param suggestedName a plain file name (the contract refuses folders in it)
   * @param filters the file types offered, the first one preselected; may be empty
   */
  Optional<Path> choose(String title, String suggestedName, List<FileFilter> filters)
      throws InterruptedException;

  /** Where the page fetches {@code chosen} once it is written; only browser mode has one. */
  default Optional<String> downloadUrl(Path chosen) {
    return Optional.empty();
  }

  /** Answers {@code dialogs.saveFile} with {@code dialog}. */
  static void serve(IpcRouter router, SaveDialog dialog) {
    router.local(
        DialogsMethods.SAVE_FILE,
        p ->
            dialog
                .choose(p.title(), p.suggestedName(), p.filters())
                .map(path -> new SavedPath(path.toString(), dialog.downloadUrl(path).orElse(null)))
                .orElse(SavedPath.CANCELLED));
  }
}

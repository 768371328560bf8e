package io.portfolioos.contract.dialogs;

import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/**
 * Native dialogs the shell shows for the UI: every export asks here where to write, and in the
 * desktop window imports ask which file to read.
 */
public final class DialogsMethods {
  private DialogsMethods() {}

  /**
   * Asks where to save a file. The path is null when the user cancelled. In browser mode no dialog
   * is shown: the path is a fresh file in the session's downloads folder and {@code downloadUrl}
   * fetches it once the export wrote it.
   */
  public static final Method<SaveFileParams, SavedPath> SAVE_FILE =
      Method.read(
          "dialogs.saveFile",
          SaveFileParams.class,
          SavedPath.class,
          Duration.ofHours(1),
          Owner.SHELL);

  /**
   * Asks which file to open (an import, a backup to restore): the desktop window's native dialog.
   * Browser mode has none and answers {@code UNSUPPORTED}; there the page uploads a dropped file.
   */
  public static final Method<OpenFileParams, OpenedPath> OPEN_FILE =
      Method.read(
          "dialogs.openFile",
          OpenFileParams.class,
          OpenedPath.class,
          Duration.ofHours(1),
          Owner.SHELL);

  /**
   * The path of a file just dropped on the desktop window, by the name the page saw: the window
   * notes the paths of every file dragged over it, so an import reads the file in place. Browser
   * mode uploads dropped files instead and answers {@code UNSUPPORTED}; a name the window has not
   * seen dragged is {@code NOT_FOUND}.
   */
  public static final Method<DroppedFileParams, OpenedPath> DROPPED_FILE =
      Method.read(
          "dialogs.droppedFile",
          DroppedFileParams.class,
          OpenedPath.class,
          Duration.ofSeconds(5),
          Owner.SHELL);

  public static final List<Method<?, ?>> ALL = List.of(SAVE_FILE, OPEN_FILE, DROPPED_FILE);
}

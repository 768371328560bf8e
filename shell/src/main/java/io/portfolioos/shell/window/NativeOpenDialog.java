package io.portfolioos.shell.window;

import java.awt.Component;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFileChooser;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.jspecify.annotations.Nullable;

/**
 * The desktop's "open" dialog for imports and restores: a Swing file chooser over the app window,
 * shown on the event thread. Only existing files can be chosen.
 */
public final class NativeOpenDialog {
  private final @Nullable Component parent;

  /** {@code parent} is the window the dialog is modal to (null: centered on screen). */
  public NativeOpenDialog(@Nullable Component parent) {
    this.parent = parent;
  }

  /**
   * Asks the user which file to open; blocks the calling thread (never the event thread) until they
   * choose or cancel.
   *
   * @param extensions allowed extensions without the dot (e.g. {@code csv}); empty allows any
   * @return the chosen file, or empty if the user cancelled
   */
  public Optional<Path> choose(String title, List<String> extensions) throws InterruptedException {
    AtomicReference<@Nullable Path> chosen = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> chosen.set(showOnEventThread(title, extensions)));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the open dialog failed", e.getCause());
    }
    return Optional.ofNullable(chosen.get());
  }

  private @Nullable Path showOnEventThread(String title, List<String> extensions) {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle(title);
    chooser.setDialogType(JFileChooser.OPEN_DIALOG);
    chooser.setFileSelectionMode(JFileChooser.FILES_ONLY);
    if (!extensions.isEmpty()) {
      String label = String.join(", ", extensions.stream().map(e -> "*." + e).toList());
      chooser.setFileFilter(new FileNameExtensionFilter(label, extensions.toArray(String[]::new)));
    }
    if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
      return null;
    }
    Path path = chooser.getSelectedFile().toPath().toAbsolutePath();
    return path.toFile().isFile() ? path : null;
  }
}

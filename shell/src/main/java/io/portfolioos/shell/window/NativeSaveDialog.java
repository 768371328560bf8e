package io.portfolioos.shell.window;

import java.awt.Component;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.jspecify.annotations.Nullable;

/**
 * The desktop's "save as" dialog for exports: a Swing file chooser over the app window, shown on
 * the event thread. Appends the first extension when the user typed a bare name, and asks before
 * replacing an existing file.
 */
public final class NativeSaveDialog {
  private final @Nullable Component parent;

  /** {@code parent} is the window the dialog is modal to (null: centered on screen). */
  public NativeSaveDialog(@Nullable Component parent) {
    this.parent = parent;
  }

  /**
   * Asks the user where to save; blocks the calling thread (never call it on the event thread
   * itself from a query handler) until they choose or cancel.
   *
   * @param extensions allowed extensions without the dot (e.g. {@code csv}); empty allows any
   * @return the chosen file, or empty if the user cancelled
   */
  public Optional<Path> choose(String title, String suggestedName, List<String> extensions)
      throws InterruptedException {
    AtomicReference<@Nullable Path> chosen = new AtomicReference<>();
    Runnable show = () -> chosen.set(showOnEventThread(title, suggestedName, extensions));
    if (SwingUtilities.isEventDispatchThread()) {
      show.run();
    } else {
      try {
        SwingUtilities.invokeAndWait(show);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("the save dialog failed", e.getCause());
      }
    }
    return Optional.ofNullable(chosen.get());
  }

  private @Nullable Path showOnEventThread(
      String title, String suggestedName, List<String> extensions) {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle(title);
    chooser.setDialogType(JFileChooser.SAVE_DIALOG);
    chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), suggestedName));
    if (!extensions.isEmpty()) {
      String label = String.join(", ", extensions.stream().map(e -> "*." + e).toList());
      chooser.setFileFilter(new FileNameExtensionFilter(label, extensions.toArray(String[]::new)));
    }
    while (chooser.showSaveDialog(parent) == JFileChooser.APPROVE_OPTION) {
      Path path = withExtension(chooser.getSelectedFile().toPath(), extensions);
      if (!Files.exists(path) || confirmReplace(path)) {
        return path;
      }
    }
    return null;
  }

  static Path withExtension(Path path, List<String> extensions) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (extensions.isEmpty() || extensions.stream().anyMatch(e -> name.endsWith("." + e))) {
      return path;
    }
    return path.resolveSibling(path.getFileName() + "." + extensions.get(0));
  }

  private boolean confirmReplace(Path path) {
    return JOptionPane.showConfirmDialog(
            parent,
            path.getFileName() + " already exists. Replace it?",
            "Replace file",
            JOptionPane.YES_NO_OPTION,
            JOptionPane.WARNING_MESSAGE)
        == JOptionPane.YES_OPTION;
  }
}

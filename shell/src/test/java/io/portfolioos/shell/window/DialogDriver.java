package io.portfolioos.shell.window;

import java.awt.Window;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.SwingUtilities;

/**
 * Runs in its own JVM on an X display (NativeDialogsIT): opens one of the real native dialogs and
 * answers it the way a user would, then prints what the dialog returned.
 *
 * <p>Usage: {@code open|save FILE approve|cancel}.
 */
final class DialogDriver {
  private DialogDriver() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    File file = new File(args[1]);
    boolean approve = args[2].equals("approve");
    CompletableFuture<Optional<Path>> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return kind.equals("open")
                    ? new NativeOpenDialog(null).choose("Import a CSV", List.of("csv"))
                    : new NativeSaveDialog(null).choose("Export", file.getName(), List.of("csv"));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    JFileChooser chooser = awaitChooser();
    SwingUtilities.invokeAndWait(
        () -> {
          if (approve) {
            chooser.setSelectedFile(file);
            chooser.approveSelection();
          } else {
            chooser.cancelSelection();
          }
        });
    Optional<Path> chosen = result.get(30, TimeUnit.SECONDS);
    System.out.println(chosen.map(p -> "chosen " + p).orElse("cancelled"));
    System.exit(0);
  }

  private static JFileChooser awaitChooser() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (Window w : Window.getWindows()) {
        if (w instanceof JDialog d && d.isShowing()) {
          JFileChooser found = find(d.getContentPane());
          if (found != null) {
            return found;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no file dialog appeared within 30 s");
  }

  private static JFileChooser find(java.awt.Container c) {
    if (c instanceof JFileChooser chooser) {
      return chooser;
    }
    for (java.awt.Component child : c.getComponents()) {
      if (child instanceof java.awt.Container inner) {
        JFileChooser found = find(inner);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}

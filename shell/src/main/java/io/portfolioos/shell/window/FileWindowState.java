package io.portfolioos.shell.window;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Window bounds as a properties file, replaced atomically so a crash never leaves half of one. */
final class FileWindowState implements WindowStateStore {
  private static final Logger LOG = Logger.getLogger(FileWindowState.class.getName());

  private final Path file;

  FileWindowState(Path file) {
    this.file = file;
  }

  @Override
  public Optional<Bounds> load() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      return Optional.of(
          new Bounds(
              Integer.parseInt(p.getProperty("x")),
              Integer.parseInt(p.getProperty("y")),
              Integer.parseInt(p.getProperty("width")),
              Integer.parseInt(p.getProperty("height")),
              Boolean.parseBoolean(p.getProperty("maximized"))));
    } catch (IOException | RuntimeException e) {
      // A damaged file only costs the remembered size: start with the default frame.
      LOG.log(Level.WARNING, "ignoring unreadable window state " + file, e);
      return Optional.empty();
    }
  }

  @Override
  public void save(Bounds b) {
    Properties p = new Properties();
    p.setProperty("x", Integer.toString(b.x()));
    p.setProperty("y", Integer.toString(b.y()));
    p.setProperty("width", Integer.toString(b.width()));
    p.setProperty("height", Integer.toString(b.height()));
    p.setProperty("maximized", Boolean.toString(b.maximized()));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(out, "PortfolioOS window");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not remember the window size in " + file, e);
    }
  }
}

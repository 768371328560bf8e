package io.portfolioos.shell.window;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the window remembers its size and position between starts. A small file in the data dir by
 * default ({@link #inFile}); the app state database can stand in by implementing this.
 */
public interface WindowStateStore {
  /** The window's last frame in screen pixels. */
  record Bounds(int x, int y, int width, int height, boolean maximized) {}

  Optional<Bounds> load();

  void save(Bounds bounds);

  static WindowStateStore inFile(Path file) {
    return new FileWindowState(file);
  }
}

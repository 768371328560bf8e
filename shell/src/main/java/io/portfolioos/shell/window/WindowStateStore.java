package io.portfolioos.shell.window;

import java.util.Optional;

/**
 * Where the window remembers its size and position between starts (the app launcher keeps them in
 * app.sqlite).
 */
public interface WindowStateStore {
  /** The window's last frame in screen pixels. */
  record Bounds(int x, int y, int width, int height, boolean maximized) {}

  Optional<Bounds> load();

  void save(Bounds bounds);
}

package io.portfolioos.shell.state;

import io.portfolioos.shell.state.AppState.WindowBounds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The one row of window bounds the desktop window restores on its next start. */
final class WindowState {
  private WindowState() {}

  static Optional<WindowBounds> get(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT x, y, width, height, maximized FROM window_state");
        ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? Optional.of(
              new WindowBounds(
                  rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) == 1))
          : Optional.empty();
    }
  }

  static void put(Connection c, WindowBounds b) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO window_state (id, x, y, width, height, maximized)"
                + " VALUES (1, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, b.x());
      ps.setInt(2, b.y());
      ps.setInt(3, b.width());
      ps.setInt(4, b.height());
      ps.setInt(5, b.maximized() ? 1 : 0);
      ps.executeUpdate();
    }
  }
}

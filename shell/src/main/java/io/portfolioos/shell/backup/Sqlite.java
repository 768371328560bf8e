package io.portfolioos.shell.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * app.sqlite through SQLite's online backup API (sqlite-jdbc's {@code backup to} / {@code restore
 * from}): a consistent copy while the app keeps using the file, and a restore that replaces the
 * live database's pages in one transaction, so other connections see the old or the new data.
 */
final class Sqlite {
  private Sqlite() {}

  static void backup(Path live, Path copy) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live);
        Statement s = c.createStatement()) {
      s.executeUpdate("backup to " + quoted(copy));
    }
  }

  static void restore(Path live, Path from) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live);
        Statement s = c.createStatement()) {
      s.executeUpdate("restore from " + quoted(from));
    }
  }

  /** {@code PRAGMA user_version}: the app-state schema version (see shell/state). */
  static int userVersion(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String quoted(Path p) {
    return "\"" + p.toAbsolutePath().toString().replace("\"", "\"\"") + "\"";
  }
}

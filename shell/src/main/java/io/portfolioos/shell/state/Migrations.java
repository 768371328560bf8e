package io.portfolioos.shell.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered schema changes of app.sqlite, applied in order, each in its own transaction; {@code
 * PRAGMA user_version} records the last one applied. A file from a newer app is refused rather than
 * guessed at.
 */
final class Migrations {
  private Migrations() {}

  /** Index i holds migration number i + 1; never edit one that shipped, add the next. */
  static final List<String> ALL = List.of("V001__app_state.sql");

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  static void apply(Connection c) throws SQLException {
    int current = version(c);
    if (current > ALL.size()) {
      throw new SQLException(
          "app.sqlite has schema version "
              + current
              + " but this app knows only up to "
              + ALL.size()
              + "; it was written by a newer PortfolioOS");
    }
    for (int n = current + 1; n <= ALL.size(); n++) {
      applyOne(c, n, ALL.get(n - 1));
    }
  }

  private static void applyOne(Connection c, int number, String resource) throws SQLException {
    List<String> statements = statements(read(resource));
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
      s.executeUpdate("PRAGMA user_version = " + number);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw new SQLException("migration " + resource + " failed: " + e.getMessage(), e);
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Statements end with ';' at a line's end; comment lines are dropped. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.portfolioos.sidecar.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work with a DuckDB setting changed on its connection and resets the setting afterwards, even
 * when the work throws: the connection goes back to the pool and the next borrower must find the
 * defaults.
 */
public final class SessionSetting {
  private SessionSetting() {}

  /** The work done while the setting holds. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * @param value the setting's value as SQL (a string value quoted)
   */
  public static <T> T with(Connection c, String name, String value, Work<T> work)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET " + name + " = " + value);
    }
    try {
      return work.run();
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("RESET " + name);
      }
    }
  }
}

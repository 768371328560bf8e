package io.portfolioos.shell.state;

import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.portfolio.Currency;
import io.portfolioos.contract.settings.SettingEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Key/value preferences; the keys the app itself reads have their values checked here. */
final class Preferences {
  private Preferences() {}

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "ui.theme", Set.of("system", "light", "dark"),
          "market.autoSync", Set.of("on", "off"));

  /** The currency valuations are shown in; see {@link AppState#baseCurrency()}. */
  static final String BASE_CURRENCY = "portfolio.baseCurrency";

  static void validate(String key, String value) {
    if (key.equals(BASE_CURRENCY) && !Currency.isCode(value)) {
      throw new InvalidParamsException("value", "must be a 3-letter ISO currency code, e.g. EUR");
    }
    Set<String> allowed = ALLOWED.get(key);
    if (allowed != null && !allowed.contains(value)) {
      throw new InvalidParamsException(
          "value", "must be one of " + allowed.stream().sorted().toList());
    }
  }

  static Optional<String> get(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM preferences WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static SettingEntry put(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO preferences (key, value, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                + " updated_at = excluded.updated_at")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.setString(3, Instant.now().toString());
      ps.executeUpdate();
    }
    return new SettingEntry(key, value);
  }

  static List<SettingEntry> all(Connection c) throws SQLException {
    List<SettingEntry> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT key, value FROM preferences ORDER BY key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new SettingEntry(rs.getString(1), rs.getString(2)));
      }
    }
    return out;
  }
}

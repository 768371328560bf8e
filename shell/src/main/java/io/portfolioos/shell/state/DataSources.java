package io.portfolioos.shell.state;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.settings.DataSource;
import io.portfolioos.contract.settings.DataSourceUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The market data sources the migrations seed (Yahoo, FRED) and the user's edits to them. */
final class DataSources {
  private DataSources() {}

  private static final String COLUMNS =
      "SELECT id, name, kind, base_url, rate_limit_per_minute, enabled FROM data_sources";

  static List<DataSource> all(Connection c) throws SQLException {
    List<DataSource> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS + " ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  static Optional<DataSource> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  static DataSource update(Connection c, DataSourceUpdate u) throws SQLException {
    DataSource current =
        find(c, u.id())
            .orElseThrow(
                () -> new RpcException(ErrorCode.NOT_FOUND, "No data source " + u.id(), "id"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE data_sources SET base_url = ?, rate_limit_per_minute = ?, enabled = ?"
                + " WHERE id = ?")) {
      ps.setString(1, u.baseUrl() != null ? stripSlash(u.baseUrl()) : current.baseUrl());
      ps.setInt(
          2,
          u.rateLimitPerMinute() != null ? u.rateLimitPerMinute() : current.rateLimitPerMinute());
      ps.setInt(3, (u.enabled() != null ? u.enabled() : current.enabled()) ? 1 : 0);
      ps.setString(4, u.id());
      ps.executeUpdate();
    }
    return find(c, u.id()).orElseThrow();
  }

  /** Clients append paths that start with '/'; a trailing one would double it. */
  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static DataSource row(ResultSet rs) throws SQLException {
    return new DataSource(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getInt(6) == 1);
  }
}

package io.portfolioos.sidecar.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.simulation.SimulationConfig;
import io.portfolioos.contract.simulation.SimulationPercentiles;
import io.portfolioos.contract.simulation.SimulationResult;
import io.portfolioos.contract.simulation.SimulationRunDeleted;
import io.portfolioos.contract.simulation.SimulationRunSummary;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.sidecar.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every Monte Carlo run (tables in V030__simulation.sql) for listing and export. */
final class RunStore {
  private final Database db;

  RunStore(Database db) {
    this.db = db;
  }

  /** Stores the run with its percentile bands in one transaction; returns the run's id. */
  long save(SimulationConfig config, SimulationResult result, Instant createdAt) {
    String json = json(config);
    return db.write(
        c -> {
          long id = insertRun(c, json, result, createdAt);
          insertYears(c, id, result);
          return id;
        });
  }

  List<SimulationRunSummary> newest(int limit) {
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, created_at, trials, years, success_rate, median_terminal,"
                      + " CAST(config AS VARCHAR) FROM simulation_runs ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<SimulationRunSummary> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                runs.add(
                    new SimulationRunSummary(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        Json.MAPPER.readValue(rs.getString(7), SimulationConfig.class)));
              }
            }
            return runs;
          }
        });
  }

  SimulationRunDeleted delete(long runId) {
    return db.write(
        c -> {
          try (PreparedStatement years =
                  c.prepareStatement("DELETE FROM simulation_run_years WHERE run_id = ?");
              PreparedStatement run =
                  c.prepareStatement("DELETE FROM simulation_runs WHERE id = ?")) {
            years.setLong(1, runId);
            years.executeUpdate();
            run.setLong(1, runId);
            if (run.executeUpdate() == 0) {
              throw new RpcException(ErrorCode.NOT_FOUND, "no simulation run " + runId, "runId");
            }
          }
          return new SimulationRunDeleted(runId);
        });
  }

  private static long insertRun(Connection c, String config, SimulationResult r, Instant createdAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO simulation_runs (created_at, config, trials, years, success_rate,"
                + " median_terminal, elapsed_ms, exact_percentiles)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      s.setTimestamp(1, Timestamp.from(createdAt));
      s.setString(2, config);
      s.setInt(3, r.trials());
      s.setInt(4, r.years());
      s.setDouble(5, r.successRate());
      s.setDouble(6, r.medianTerminal());
      s.setLong(7, r.elapsedMs());
      s.setBoolean(8, r.exactPercentiles());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Year 0 is the start; depletions are counted from year 1, so year 0 has none. */
  private static void insertYears(Connection c, long id, SimulationResult r) throws SQLException {
    SimulationPercentiles p = r.percentiles();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO simulation_run_years VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int year = 0; year <= r.years(); year++) {
        s.setLong(1, id);
        s.setInt(2, year);
        s.setDouble(3, p.p5().get(year));
        s.setDouble(4, p.p10().get(year));
        s.setDouble(5, p.p25().get(year));
        s.setDouble(6, p.p50().get(year));
        s.setDouble(7, p.p75().get(year));
        s.setDouble(8, p.p90().get(year));
        s.setDouble(9, p.p95().get(year));
        s.setInt(10, year == 0 ? 0 : r.depletionYears().get(year - 1));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static String json(SimulationConfig config) {
    try {
      return Json.MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a simulation config always serializes", e);
    }
  }
}

package io.portfolioos.sidecar.db;

import java.util.List;

/**
 * The ordered list of schema migrations. Append only: a shipped migration never changes, because
 * users' databases already ran it. Numbers may leave gaps (domains reserve ranges: ledger 10-19,
 * market 20-29, simulation 30-39, export 40-49).
 */
final class Migrations {
  private Migrations() {}

  static final List<Migration> ALL =
      List.of(
          new Migration(1, "V001__init.sql"),
          new Migration(10, "V010__ledger.sql"),
          new Migration(20, "V020__market.sql"),
          new Migration(21, "V021__valuation.sql"),
          new Migration(30, "V030__simulation.sql"));
}

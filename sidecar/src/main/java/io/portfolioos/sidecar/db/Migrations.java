package io.portfolioos.sidecar.db;

import java.util.List;

/**
 * The ordered list of schema migrations. Append only: a shipped migration never changes, because
 * users' databases already ran it. Numbers only grow: the runner applies the migrations above a
 * file's highest applied number, so a new one, whatever its domain, takes a number above every
 * shipped one (a ledger change after V030 is V031, not V011). {@code MigrationsTest} checks it.
 */
final class Migrations {
  private Migrations() {}

  static final List<Migration> ALL =
      List.of(
          new Migration(1, "V001__init.sql"),
          new Migration(10, "V010__ledger.sql"),
          new Migration(20, "V020__market.sql"),
          new Migration(21, "V021__valuation.sql"),
          new Migration(30, "V030__simulation.sql"),
          new Migration(31, "V031__disposal_pieces.sql"),
          new Migration(32, "V032__disposals_pending.sql"));
}

package io.portfolioos.sidecar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  /** The runner skips anything at or below a file's highest number, so numbers must only grow. */
  @Test
  void numbersStrictlyIncreaseInListOrderAndNameTheirScripts() {
    List<Migration> all = Migrations.ALL;
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).version())
          .as("%s must come after %s", all.get(i).resource(), all.get(i - 1).resource())
          .isGreaterThan(all.get(i - 1).version());
    }
    for (Migration m : all) {
      assertThat(m.resource()).startsWith("V%03d__".formatted(m.version()));
    }
  }

  @Test
  void aFreshFileRunsEveryMigrationOnceAndReopeningRunsNone() throws Exception {
    Path file = dir.resolve("analytics.duckdb");
    Database.open(file).close();
    try (Database db = Database.open(file)) {
      List<Integer> applied =
          db.read(
              c -> {
                List<Integer> out = new ArrayList<>();
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                  while (rs.next()) {
                    out.add(rs.getInt(1));
                  }
                }
                return out;
              });
      assertThat(applied).isEqualTo(Migrations.ALL.stream().map(Migration::version).toList());
      assertThat(db.schemaVersion()).isEqualTo(Migrations.ALL.getLast().version());
    }
  }
}

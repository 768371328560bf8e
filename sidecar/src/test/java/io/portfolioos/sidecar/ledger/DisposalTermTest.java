package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.sidecar.db.Database;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The gain and term the disposals view derives, against the rules they stand for. */
class DisposalTermTest {
  @Test
  void termMatchesTheCalendarAroundEveryAnniversaryAndGainIsProceedsLessBasis() {
    try (Database db = Database.inMemory()) {
      int checked =
          db.write(
              c -> {
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "INSERT INTO disposal_pieces SELECT 1, 'X', 1, 1, a, a + n::INTEGER, 1,"
                          + " 100.000001 + n, 99.5"
                          + " FROM (SELECT DATE '2015-01-01' + i::INTEGER AS a FROM range(0, 5479) r(i)),"
                          + " range(360, 373) d(n)");
                  int n = 0;
                  try (ResultSet rs =
                      s.executeQuery(
                          "SELECT acquired, sold, proceeds, gain, term FROM disposals")) {
                    while (rs.next()) {
                      LocalDate acquired = rs.getObject(1, LocalDate.class);
                      LocalDate sold = rs.getObject(2, LocalDate.class);
                      boolean calendar = sold.isAfter(acquired.plusYears(1));
                      assertThat(rs.getString(5))
                          .as("acquired %s, sold %s", acquired, sold)
                          .isEqualTo(calendar ? "LONG" : "SHORT");
                      assertThat(rs.getBigDecimal(4))
                          .isEqualTo(rs.getBigDecimal(3).subtract(new BigDecimal("99.500000")));
                      n++;
                    }
                  }
                  return n;
                }
              });
      assertThat(checked).isEqualTo(5479 * 13);
    }
  }
}

package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The day-count shortcut of a disposal's term against the calendar rule it stands for. */
class PieceTermTest {
  @Test
  void longTermMatchesTheCalendarAroundEveryAnniversary() {
    int first = (int) LocalDate.of(2015, 1, 1).toEpochDay();
    int last = (int) LocalDate.of(2029, 12, 31).toEpochDay();
    for (int acquired = first; acquired <= last; acquired++) {
      for (int days = 360; days <= 372; days++) {
        int sold = acquired + days;
        boolean calendar =
            LocalDate.ofEpochDay(sold).isAfter(LocalDate.ofEpochDay(acquired).plusYears(1));
        assertThat(new LotBook.Piece(1, 1, acquired, sold, 1, 0, 0).longTerm())
            .as("acquired %s, sold %s", LocalDate.ofEpochDay(acquired), LocalDate.ofEpochDay(sold))
            .isEqualTo(calendar);
      }
    }
  }
}

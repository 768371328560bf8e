package io.portfolioos.sidecar.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistoricalReturnsTest {
  private final HistoricalReturns data = HistoricalReturns.shiller();

  @Test
  void coversEveryYearWithAFollowingJanuary() {
    assertThat(data.firstYear()).isEqualTo(1871);
    assertThat(data.lastYear()).isEqualTo(2010);
  }

  @Test
  void derivesTheFirstYearAsTheDataReadmeSays() {
    // 1871: P 4.44, D 0.26, RLONG 5.32, CPI 12.464061; 1872: P 4.86, RLONG 5.36, CPI 12.654392
    assertThat(data.stocks(1871)).isCloseTo((4.86 + 0.26) / 4.44 - 1, within(1e-12));
    assertThat(data.inflation(1871)).isCloseTo(12.654392 / 12.464061 - 1, within(1e-12));
    double v = Math.pow(1.0536, -9);
    double price = 0.0532 * (1 - v) / 0.0536 + v;
    assertThat(data.bonds(1871)).isCloseTo(0.0532 + price - 1, within(1e-12));
    // A bond whose yield does not move returns its coupon.
    assertThat(HistoricalReturns.bondPrice(0.05, 0.05, 9)).isCloseTo(1, within(1e-12));
  }

  @Test
  void hasThe1931CrashAndThe1954Boom() {
    assertThat(data.stocks(1931)).isLessThan(-0.35);
    assertThat(data.stocks(1954)).isGreaterThan(0.4);
  }
}

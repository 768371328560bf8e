package io.portfolioos.sidecar.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The return statistics against figures worked out by hand. */
class PerformanceMathTest {
  private static final LocalDate D = LocalDate.of(2024, 1, 1);

  @Test
  void twrLinksDailyReturnsAndIgnoresAMidPeriodDeposit() {
    // 100 in; +10 % to 110; 50 deposited at the start of day 2 and flat (160); −5 % to 152.
    List<PerformanceMath.Day> days =
        List.of(
            new PerformanceMath.Day(D, 100, 100),
            new PerformanceMath.Day(D.plusDays(1), 110, 0),
            new PerformanceMath.Day(D.plusDays(2), 160, 50),
            new PerformanceMath.Day(D.plusDays(3), 152, 0));

    double[] r = PerformanceMath.dailyReturns(days);

    assertThat(r).containsExactly(new double[] {0, 0.10, 0.0, -0.05}, within(1e-12));
    // 1.10 × 1.00 × 0.95 − 1; the simple gain (152 − 150) / 150 would say 1.33 %.
    assertThat(PerformanceMath.twr(r)).isCloseTo(0.045, within(1e-12));
  }

  @Test
  void xirrOfExcelsDocumentedScheduleIs37Point34Percent() {
    List<PerformanceMath.Flow> flows =
        List.of(
            new PerformanceMath.Flow(LocalDate.of(2008, 1, 1), -10_000),
            new PerformanceMath.Flow(LocalDate.of(2008, 3, 1), 2_750),
            new PerformanceMath.Flow(LocalDate.of(2008, 10, 30), 4_250),
            new PerformanceMath.Flow(LocalDate.of(2009, 2, 15), 3_250),
            new PerformanceMath.Flow(LocalDate.of(2009, 4, 1), 2_750));

    assertThat(PerformanceMath.xirr(flows)).isCloseTo(0.373362535, within(1e-8));
  }

  @Test
  void xirrOfTenPercentOverExactlyOneYearIsTenPercentAndNoneWithoutASignChange() {
    assertThat(
            PerformanceMath.xirr(
                List.of(
                    new PerformanceMath.Flow(LocalDate.of(2021, 1, 1), -1000),
                    new PerformanceMath.Flow(LocalDate.of(2022, 1, 1), 1100))))
        .isCloseTo(0.10, within(1e-10));
    assertThat(
            PerformanceMath.xirr(
                List.of(
                    new PerformanceMath.Flow(LocalDate.of(2021, 1, 1), -1000),
                    new PerformanceMath.Flow(LocalDate.of(2022, 1, 1), -5))))
        .isNull();
  }

  @Test
  void maxDrawdownIsTheWorstFallFromARunningPeak() {
    // Index 1 → 1.2 → 0.9 → 1.05 → 0.6 → 0.9: the worst fall is 1.2 → 0.6, −50 %.
    double[] index = {1, 1.2, 0.9, 1.05, 0.6, 0.9};
    double[] daily = new double[index.length];
    for (int i = 1; i < index.length; i++) {
      daily[i] = index[i] / index[i - 1] - 1;
    }

    PerformanceMath.Drawdown dd = PerformanceMath.maxDrawdown(daily);

    assertThat(dd.depth()).isCloseTo(-0.5, within(1e-12));
    assertThat(dd.peak()).isEqualTo(1);
    assertThat(dd.trough()).isEqualTo(4);
  }

  @Test
  void annualizingDoublingOverTwoYearsGivesTheSquareRootOfTwo() {
    assertThat(PerformanceMath.annualize(1.0, 730)).isCloseTo(Math.sqrt(2) - 1, within(1e-12));
  }
}

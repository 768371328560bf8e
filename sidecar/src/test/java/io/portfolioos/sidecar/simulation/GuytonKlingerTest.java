package io.portfolioos.sidecar.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.portfolioos.contract.simulation.WithdrawalTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2006 decision rules on a hand-made sequence (start-of-year withdrawals, rate 5 %). */
class GuytonKlingerTest {

  private static double[][] simulate(int years) {
    Plan plan =
        Plan.of(
            1000,
            years,
            Configs.allocation(1.0),
            Configs.guytonKlinger(0.05),
            List.of(),
            0,
            WithdrawalTiming.start,
            true);
    double[] returns = new double[years];
    double[] inflation = new double[years];
    returns[0] = -0.5;
    inflation[0] = 0.10;
    returns[1] = 1.0;
    inflation[1] = 0.10;
    returns[2] = 1.0;
    double[][] values = new double[years + 1][1];
    double[] growth = new double[years];
    PathSimulator.realGrowth(returns, inflation, growth);
    assertThat(new PathSimulator(plan).simulate(growth, returns, inflation, values, 0)).isZero();
    return values;
  }

  @Test
  void freezesAfterALossThenCutsThenRaisesAndPaysTheProsperityBonus() {
    double[][] v = simulate(20);
    // Year 1: withdraw 50 → 950, −50 % → 475.
    assertThat(v[1][0]).isCloseTo(475, within(1e-9));
    // Year 2: lost last year and 50/475 > 5 % → no inflation raise (50); 50/475 = 10.5 % > 6 %
    // with 19 years left → cut 10 % to 45 → 430, +100 % → 860.
    assertThat(v[2][0]).isCloseTo(860, within(1e-9));
    // Year 3: a good year → inflation raise 45 × 1.1 = 49.5; 49.5/860 = 5.8 % is inside the
    // guardrails → 810.5, +100 % → 1621.
    assertThat(v[3][0]).isCloseTo(1621, within(1e-9));
    // Year 4: no inflation → 49.5; 49.5/1621 = 3.05 % < 4 % → prosperity raise to 54.45.
    assertThat(v[4][0]).isCloseTo(1621 - 54.45, within(1e-9));
  }

  @Test
  void neverCutsInTheLastFifteenYears() {
    double[][] v = simulate(16);
    // Year 2 has 15 years left: frozen at 50, not cut → 425, +100 % → 850.
    assertThat(v[2][0]).isCloseTo(850, within(1e-9));
  }
}

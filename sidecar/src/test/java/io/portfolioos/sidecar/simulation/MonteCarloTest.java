package io.portfolioos.sidecar.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.portfolioos.contract.simulation.LifeEventType;
import io.portfolioos.contract.simulation.SimulationConfig;
import io.portfolioos.contract.simulation.SimulationLifeEvent;
import io.portfolioos.contract.simulation.SimulationResult;
import io.portfolioos.contract.simulation.SimulationSensitivityParams;
import io.portfolioos.contract.simulation.SimulationSensitivityPoint;
import io.portfolioos.contract.simulation.WithdrawalConfig;
import io.portfolioos.contract.simulation.WithdrawalStrategy;
import io.portfolioos.contract.simulation.WithdrawalTiming;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class MonteCarloTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(4);

  private static Simulations simulations(int threads) {
    return new Simulations(HistoricalReturns.shiller(), POOL, threads);
  }

  private static SimulationResult run(SimulationConfig c) {
    return simulations(2).run(c, RequestContext.NONE);
  }

  /** P_n = P0·g^n − W·g·(g^n − 1)/(g − 1), g the real growth factor net of fees. */
  @Test
  void zeroVolatilityEqualsTheAnnuityArithmetic() {
    double nominalReturn = 0.6 * 0.07 + 0.4 * 0.03;
    double g = (1 + nominalReturn) * (1 - 0.002) / 1.025;
    SimulationResult r =
        run(
            Configs.config(
                30,
                1000,
                0.6,
                Configs.certain(0.07, 0.03, 0.025),
                Configs.constantDollar(0.04),
                List.of(),
                0.002,
                WithdrawalTiming.start,
                false));
    assertThat(r.successRate()).isEqualTo(1.0);
    for (int n = 0; n <= 30; n++) {
      double expected = 1e6 * Math.pow(g, n) - 40_000 * g * (Math.pow(g, n) - 1) / (g - 1);
      assertThat(r.percentiles().p5().get(n)).isCloseTo(expected, within(1e-6 * 1e6));
      assertThat(r.percentiles().p95().get(n)).isCloseTo(expected, within(1e-6 * 1e6));
    }
    assertThat(r.medianTerminal()).isCloseTo(r.percentiles().p50().get(30), within(0.0));
  }

  /** End-of-year withdrawals: P_n = P0·g^n − W·(g^n − 1)/(g − 1); nominal = real × 1.025^n. */
  @Test
  void zeroVolatilityWithEndOfYearWithdrawalsInNominalMoney() {
    double g = 1.05 / 1.025;
    SimulationResult r =
        run(
            Configs.config(
                20,
                10,
                1.0,
                Configs.certain(0.05, 0.0, 0.025),
                Configs.constantDollar(0.05),
                List.of(),
                0,
                WithdrawalTiming.end,
                true));
    for (int n = 0; n <= 20; n++) {
      double real = 1e6 * Math.pow(g, n) - 50_000 * (Math.pow(g, n) - 1) / (g - 1);
      assertThat(r.percentiles().p50().get(n)).isCloseTo(real * Math.pow(1.025, n), within(1e-3));
    }
  }

  /**
   * No growth: 4 % of the portfolio each year leaves 0.96^n; a floor of 45,000 takes 45,000 every
   * year; a ceiling of 30,000 caps the first nine (4 % of ≥ 760,000), and the tenth is 4 % of
   * 730,000.
   */
  @Test
  void constantPercentageTakesItsShareBetweenFloorAndCeiling() {
    for (double[] c : new double[][] {{-1, -1}, {45_000, -1}, {-1, 30_000}}) {
      WithdrawalConfig w =
          new WithdrawalConfig(
              WithdrawalStrategy.constantPercentage,
              0.04,
              c[0] < 0 ? null : c[0],
              c[1] < 0 ? null : c[1],
              null,
              null);
      SimulationResult r =
          run(
              Configs.config(
                  10,
                  10,
                  0.5,
                  Configs.certain(0.0, 0.0, 0.0),
                  w,
                  List.of(),
                  0,
                  WithdrawalTiming.start,
                  false));
      double expected =
          c[0] > 0
              ? 1e6 - 10 * 45_000
              : c[1] > 0 ? (1e6 - 9 * 30_000) * 0.96 : 1e6 * Math.pow(0.96, 10);
      assertThat(r.medianTerminal()).isCloseTo(expected, within(1e-6));
    }
  }

  @Test
  void aPortfolioThatCannotLastFailsInTheYearTheArithmeticSays() {
    // 0 % return, 10 % withdrawals: money for exactly 10 withdrawals; the 11th fails.
    SimulationResult r =
        run(
            Configs.config(
                15,
                100,
                1.0,
                Configs.certain(0.0, 0.0, 0.0),
                Configs.constantDollar(0.1),
                List.of(),
                0,
                WithdrawalTiming.start,
                false));
    assertThat(r.successRate()).isZero();
    assertThat(r.depletionYears().get(10)).isEqualTo(100);
    assertThat(r.depletionYears().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    assertThat(r.percentiles().p5().get(9)).isEqualTo(100_000.0);
    assertThat(r.percentiles().p95().get(10)).isZero();
    assertThat(r.percentiles().p95().get(15)).isZero();
  }

  /**
   * With certain 4 % real growth and start-of-year flows, a windfall of A in year k adds A·g^(31−k)
   * to the year-30 value; an expense takes the same away; an income of B in years a..b adds the
   * sum.
   */
  @Test
  void lifeEventsMoveTheTerminalValueByTheirCompoundedAmount() {
    double g = 1.04;
    double base = terminal(List.of());
    double windfall =
        terminal(List.of(new SimulationLifeEvent(3, LifeEventType.windfall, 100_000.0, null)));
    double expense =
        terminal(List.of(new SimulationLifeEvent(5, LifeEventType.expense, 50_000.0, null)));
    double income =
        terminal(List.of(new SimulationLifeEvent(10, LifeEventType.income, 20_000.0, 25)));
    assertThat(windfall - base).isCloseTo(100_000 * Math.pow(g, 28), within(1e-3));
    assertThat(base - expense).isCloseTo(50_000 * Math.pow(g, 26), within(1e-3));
    double incomeSum = 0;
    for (int k = 10; k <= 25; k++) {
      incomeSum += 20_000 * Math.pow(g, 31 - k);
    }
    assertThat(income - base).isCloseTo(incomeSum, within(1e-3));
  }

  private static double terminal(List<SimulationLifeEvent> events) {
    return run(Configs.config(
            30,
            10,
            1.0,
            Configs.certain(0.04, 0.0, 0.0),
            Configs.constantDollar(0.04),
            events,
            0,
            WithdrawalTiming.start,
            false))
        .medianTerminal();
  }

  @Test
  void successFallsMonotonicallyAsTheWithdrawalRateRises() {
    SimulationConfig base =
        Configs.config(
            30,
            4000,
            0.6,
            Configs.bootstrap(3),
            Configs.constantDollar(0.04),
            List.of(),
            0.002,
            WithdrawalTiming.start,
            false);
    List<Double> rates = List.of(0.02, 0.03, 0.035, 0.04, 0.045, 0.05, 0.06, 0.07, 0.08);
    List<SimulationSensitivityPoint> points =
        simulations(2)
            .sensitivity(
                new SimulationSensitivityParams(base, "withdrawal.rate", rates),
                RequestContext.NONE);
    assertThat(points).extracting(SimulationSensitivityPoint::value).isEqualTo(rates);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).successRate()).isLessThanOrEqualTo(points.get(i - 1).successRate());
      assertThat(points.get(i).medianTerminal())
          .isLessThanOrEqualTo(points.get(i - 1).medianTerminal());
    }
    assertThat(points.get(0).successRate()).isGreaterThan(0.95);
    assertThat(points.get(points.size() - 1).successRate()).isLessThan(0.5);
  }

  @Test
  void theSafeWithdrawalRateIsTheEdgeOfTheSweep() {
    SimulationConfig base =
        Configs.config(
            30,
            2000,
            0.6,
            Configs.parametric(0.07, 0.17, 0.025, 0.06, 0.03),
            Configs.constantDollar(0.04),
            List.of(),
            0,
            WithdrawalTiming.start,
            false);
    Simulations s = simulations(2);
    var swr = s.safeWithdrawalRate(base, 0.9, RequestContext.NONE);
    assertThat(swr.successRate()).isGreaterThanOrEqualTo(0.9);
    assertThat(swr.rate()).isBetween(0.02, 0.06);
    List<SimulationSensitivityPoint> edge =
        s.sensitivity(
            new SimulationSensitivityParams(
                base, "withdrawal.rate", List.of(swr.rate(), swr.rate() + 2e-4)),
            RequestContext.NONE);
    assertThat(edge.get(0).successRate()).isGreaterThanOrEqualTo(0.9);
    assertThat(edge.get(1).successRate()).isLessThan(0.9);
  }

  @Test
  void sameSeedSameResultWhateverTheThreadCount() {
    for (SimulationConfig c :
        List.of(
            Configs.gkBootstrap(5000, 40),
            Configs.config(
                30,
                3001,
                0.6,
                Configs.parametric(0.07, 0.17, 0.025, 0.06, 0.03),
                Configs.constantDollar(0.045),
                List.of(),
                0.001,
                WithdrawalTiming.end,
                false))) {
      SimulationResult one = simulations(1).run(c, RequestContext.NONE);
      SimulationResult four = simulations(4).run(c, RequestContext.NONE);
      SimulationResult again = simulations(3).run(c, RequestContext.NONE);
      assertThat(four).usingRecursiveComparison().ignoringFields("elapsedMs").isEqualTo(one);
      assertThat(again).usingRecursiveComparison().ignoringFields("elapsedMs").isEqualTo(one);
      assertThat(one.exactPercentiles()).isTrue();
    }
  }

  @Test
  void largeRunsUseTheHistogramWithinItsErrorAndStayDeterministic() {
    // 60,000 × 101 values exceed the exact cap; 59,000 × 101 do not.
    SimulationConfig big = Configs.gkBootstrap(60_000, 100);
    SimulationConfig exactOne = Configs.gkBootstrap(59_000, 100);
    SimulationResult approx = simulations(1).run(big, RequestContext.NONE);
    SimulationResult approx4 = simulations(4).run(big, RequestContext.NONE);
    SimulationResult exact = simulations(2).run(exactOne, RequestContext.NONE);
    assertThat(approx.exactPercentiles()).isFalse();
    assertThat(exact.exactPercentiles()).isTrue();
    assertThat(approx4).usingRecursiveComparison().ignoringFields("elapsedMs").isEqualTo(approx);
    // The first 59,000 trials are the same scenarios; 1,000 more barely move a percentile, so the
    // histogram must agree closely with the exact run.
    for (int y = 0; y <= 100; y += 10) {
      double e = exact.percentiles().p50().get(y);
      assertThat(approx.percentiles().p50().get(y)).isCloseTo(e, within(0.01 * e + 1));
    }
  }

  @Test
  void aDifferentSeedGivesADifferentRun() {
    SimulationConfig a = Configs.gkBootstrap(2000, 30);
    SimulationConfig b =
        new SimulationConfig(
            a.initialPortfolio(),
            a.years(),
            a.trials(),
            7L,
            a.allocation(),
            a.returns(),
            a.withdrawal(),
            a.lifeEvents(),
            a.fees(),
            a.withdrawalTiming(),
            a.nominal());
    assertThat(run(a).percentiles().p50()).isNotEqualTo(run(b).percentiles().p50());
  }

  @Test
  void cancelStopsTheRun() {
    RequestContext cancelled =
        new RequestContext() {
          @Override
          public void progress(long done, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }

          @Override
          public void checkCancelled() {
            throw new IllegalStateException("cancelled");
          }
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> simulations(2).run(Configs.gkBootstrap(100_000, 50), cancelled))
        .hasMessage("cancelled");
  }
}

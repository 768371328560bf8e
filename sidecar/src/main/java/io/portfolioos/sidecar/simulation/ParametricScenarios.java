package io.portfolioos.sidecar.simulation;

import io.portfolioos.contract.simulation.AssetReturnAssumption;
import io.portfolioos.contract.simulation.SimulationReturns;
import java.util.random.RandomGenerator;

/**
 * Independent years of lognormal returns: for each asset {@code 1 + R = exp(mu + sigma·Z)} with
 * {@code sigma² = ln(1 + s²/(1 + m)²)} and {@code mu = ln(1 + m) − sigma²/2}, so R has exactly the
 * given arithmetic mean m and standard deviation s. The stock and bond normals are correlated with
 * the Cholesky factor of {@code [[1, ρ], [ρ, 1]]} ({@code Z_b = ρ·Z_s + √(1 − ρ²)·Z_2}); the
 * correlation therefore applies to log returns, which for these volatilities is within a few
 * thousandths of the correlation of the returns themselves. Inflation is lognormal the same way and
 * independent of both.
 */
final class ParametricScenarios implements ScenarioSource {
  private final double stockWeight;
  private final double bondWeight;
  private final double muS;
  private final double sigmaS;
  private final double muB;
  private final double sigmaB;
  private final double rho;
  private final double rhoComplement;
  private final double muI;
  private final double sigmaI;

  ParametricScenarios(SimulationReturns returns, double stockWeight, double bondWeight) {
    AssetReturnAssumption s = returns.stocks();
    AssetReturnAssumption b = returns.bonds();
    AssetReturnAssumption i = returns.inflation();
    if (s == null || b == null || i == null) {
      throw new IllegalArgumentException("parametric returns need stocks, bonds and inflation");
    }
    this.stockWeight = stockWeight;
    this.bondWeight = bondWeight;
    this.sigmaS = sigma(s);
    this.muS = mu(s, sigmaS);
    this.sigmaB = sigma(b);
    this.muB = mu(b, sigmaB);
    this.sigmaI = sigma(i);
    this.muI = mu(i, sigmaI);
    this.rho = returns.correlation() == null ? 0 : returns.correlation();
    this.rhoComplement = Math.sqrt(1 - rho * rho);
  }

  static double sigma(AssetReturnAssumption a) {
    double growth = 1 + a.mean();
    return Math.sqrt(Math.log1p(a.stdev() * a.stdev() / (growth * growth)));
  }

  static double mu(AssetReturnAssumption a, double sigma) {
    return Math.log1p(a.mean()) - sigma * sigma / 2;
  }

  @Override
  public void fill(RandomGenerator random, double[] growth, double[] returns, double[] inflation) {
    int n = returns.length;
    for (int t = 0; t < n; t++) {
      double z1 = random.nextGaussian();
      double z2 = random.nextGaussian();
      double z3 = random.nextGaussian();
      double stock = Math.exp(muS + sigmaS * z1) - 1;
      double bond = Math.exp(muB + sigmaB * (rho * z1 + rhoComplement * z2)) - 1;
      double r = stockWeight * stock + bondWeight * bond;
      double priceGrowth = Math.exp(muI + sigmaI * z3);
      returns[t] = r;
      inflation[t] = priceGrowth - 1;
      growth[t] = (1 + r) / priceGrowth;
    }
  }
}

package io.portfolioos.sidecar.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Annual U.S. stock, 10-year bond and inflation returns derived from the bundled Shiller series
 * ({@code /simulation/shiller-annual.csv}; provenance and formulas in the NOTICE beside it). Year
 * t's return runs from January of t to January of t+1, so the last year with returns is one before
 * the last row.
 */
final class HistoricalReturns {
  static final String RESOURCE = "/simulation/shiller-annual.csv";

  private final int firstYear;
  private final double[] stocks;
  private final double[] bonds;
  private final double[] inflation;

  private HistoricalReturns(int firstYear, double[] stocks, double[] bonds, double[] inflation) {
    this.firstYear = firstYear;
    this.stocks = stocks;
    this.bonds = bonds;
    this.inflation = inflation;
  }

  private static final class Holder {
    static final HistoricalReturns SHILLER = load();
  }

  static HistoricalReturns shiller() {
    return Holder.SHILLER;
  }

  int firstYear() {
    return firstYear;
  }

  int lastYear() {
    return firstYear + stocks.length - 1;
  }

  double stocks(int year) {
    return stocks[year - firstYear];
  }

  double bonds(int year) {
    return bonds[year - firstYear];
  }

  double inflation(int year) {
    return inflation[year - firstYear];
  }

  /** Price of a bond with annual coupon {@code coupon} and {@code years} to maturity at yield. */
  static double bondPrice(double coupon, double yield, int years) {
    double discount = Math.pow(1 + yield, -years);
    return yield == 0 ? coupon * years + 1 : coupon * (1 - discount) / yield + discount;
  }

  private static HistoricalReturns load() {
    try (InputStream in = HistoricalReturns.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the sidecar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (!"YEAR,P,D,E,R,RLONG,CPI".equals(header)) {
        throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
      }
      List<double[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        double[] row = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          row[i] = Double.parseDouble(f[i].trim());
        }
        rows.add(row);
      }
      return derive(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of YEAR, P, D, E, R, RLONG, CPI, consecutive years. */
  static HistoricalReturns derive(List<double[]> rows) {
    int n = rows.size() - 1;
    double[] stocks = new double[n];
    double[] bonds = new double[n];
    double[] inflation = new double[n];
    int firstYear = (int) rows.get(0)[0];
    for (int t = 0; t < n; t++) {
      double[] now = rows.get(t);
      double[] next = rows.get(t + 1);
      if ((int) now[0] != firstYear + t || (int) next[0] != firstYear + t + 1) {
        throw new IllegalStateException(RESOURCE + ": years are not consecutive at " + now[0]);
      }
      stocks[t] = (next[1] + now[2]) / now[1] - 1;
      double y0 = now[5] / 100;
      double y1 = next[5] / 100;
      bonds[t] = y0 + bondPrice(y0, y1, 9) - 1;
      inflation[t] = next[6] / now[6] - 1;
    }
    return new HistoricalReturns(firstYear, stocks, bonds, inflation);
  }
}

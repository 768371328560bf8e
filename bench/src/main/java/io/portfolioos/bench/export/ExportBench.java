package io.portfolioos.bench.export;

import io.portfolioos.bench.BenchFiles;
import io.portfolioos.contract.data.ExportFormat;
import io.portfolioos.contract.data.ExportKind;
import io.portfolioos.contract.data.ExportParams;
import io.portfolioos.contract.data.ExportResult;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.export.ExportModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times {@code data.export} of 1,000,000 transactions (1,000 symbols) to CSV (target ≤ 2 s) and to
 * Parquet (≤ 1 s), in-process as the sidecar runs it (header block, neutralized text cells, temp
 * file, fsync, rename), beside the baseline: DuckDB's plain {@code COPY transactions TO} of the
 * same table in the same run. Prints medians of 5 runs after a warm-up. Run with {@code bench/run
 * ExportBench}.
 */
public final class ExportBench {
  private ExportBench() {}

  private static final int ROWS = 1_000_000;
  private static final int RUNS = 5;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("export-bench");
    Path dataDir = Files.createDirectories(dir.resolve("data"));
    try (Database db = Database.open(dataDir.resolve("analytics.duckdb"))) {
      seed(db);
      System.out.printf(Locale.ROOT, "%,d transactions, median of %d runs%n", ROWS, RUNS);
      for (ExportFormat format : new ExportFormat[] {ExportFormat.csv, ExportFormat.parquet}) {
        Path out = dir.resolve("export." + format);
        Path plain = dir.resolve("plain." + format);
        long[] export = new long[RUNS];
        long[] baseline = new long[RUNS];
        ExportResult last = null;
        for (int i = -1; i < RUNS; i++) {
          long t0 = System.nanoTime();
          last =
              ExportModule.export(
                  db,
                  dataDir,
                  new ExportParams(ExportKind.transactions, format, out.toString(), null));
          long t1 = System.nanoTime();
          Files.deleteIfExists(plain);
          db.read(
              c -> {
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "COPY transactions TO '"
                          + plain
                          + "' (FORMAT "
                          + format
                          + (format == ExportFormat.csv ? ", HEADER true" : "")
                          + ")");
                }
                return null;
              });
          long t2 = System.nanoTime();
          if (i >= 0) {
            export[i] = t1 - t0;
            baseline[i] = t2 - t1;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%-8s data.export %7.0f ms (%,d rows, %,d bytes)   plain COPY %7.0f ms (%,d bytes)"
                + "   ratio %.2f%n",
            format,
            median(export) / 1e6,
            last.rows(),
            last.bytes(),
            median(baseline) / 1e6,
            Files.size(plain),
            (double) median(export) / median(baseline));
      }
    } finally {
      BenchFiles.deleteTree(dir);
    }
  }

  private static void seed(Database db) {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO accounts (id, name, type) VALUES (1, 'Bench', 'TAXABLE')");
            s.execute(
                "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity,"
                    + " price, fees, amount, currency, description, fingerprint)"
                    + " SELECT i, 1, i + 2, DATE '2000-01-01' + CAST(i // 200 AS INTEGER),"
                    + " CASE WHEN i % 5 = 4 THEN 'SELL' ELSE 'BUY' END, 'SYM' || (i % 1000),"
                    + " CAST(1 + i % 100 AS DECIMAL(18, 8)), CAST(10 + (i % 997) / 7.0 AS"
                    + " DECIMAL(18, 8)), 1, CAST(-(i % 10007) / 3.0 AS DECIMAL(18, 6)), 'USD',"
                    + " CASE WHEN i % 100 = 0 THEN '=SUM(A1)' ELSE 'order ' || i END, i"
                    + " FROM range("
                    + ROWS
                    + ") r(i)");
          }
          return null;
        });
  }

  private static long median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}

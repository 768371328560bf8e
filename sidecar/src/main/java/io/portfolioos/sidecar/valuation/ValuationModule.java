package io.portfolioos.sidecar.valuation;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.portfolio.AccountValue;
import io.portfolioos.contract.portfolio.AllocationParams;
import io.portfolioos.contract.portfolio.AllocationSlice;
import io.portfolioos.contract.portfolio.Growth;
import io.portfolioos.contract.portfolio.GrowthParams;
import io.portfolioos.contract.portfolio.HistoryParams;
import io.portfolioos.contract.portfolio.NetWorth;
import io.portfolioos.contract.portfolio.NetWorthParams;
import io.portfolioos.contract.portfolio.Performance;
import io.portfolioos.contract.portfolio.PortfolioMethods;
import io.portfolioos.contract.portfolio.Snapshot;
import io.portfolioos.contract.portfolio.SnapshotParams;
import io.portfolioos.contract.portfolio.ValuePoint;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.Handlers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Valuation (see docs/market.md): net worth, allocation, daily value history, performance and
 * growth, from the ledger's transactions and the market tables, in a base currency. The one public
 * entry of the package.
 */
public final class ValuationModule {
  private final Database db;
  private final Clock clock;

  private ValuationModule(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public static ValuationModule create(Database db) {
    return new ValuationModule(db, Clock.systemUTC());
  }

  static ValuationModule create(Database db, Clock clock) {
    return new ValuationModule(db, clock);
  }

  public static void register(Handlers handlers, Database db) {
    ValuationModule v = create(db);
    handlers
        .on(PortfolioMethods.NET_WORTH, (p, ctx) -> v.netWorth(p))
        .on(PortfolioMethods.ALLOCATION, (p, ctx) -> v.allocation(p))
        .on(PortfolioMethods.HISTORY, (p, ctx) -> v.history(p))
        .on(PortfolioMethods.PERFORMANCE, (p, ctx) -> v.performance(p))
        .on(PortfolioMethods.GROWTH, (p, ctx) -> v.growth(p))
        .on(PortfolioMethods.SNAPSHOT, (p, ctx) -> v.snapshot(p));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The daily value series, one set-based query. */
  public List<ValuePoint> history(HistoryParams params) {
    LocalDate to = params.to() == null ? today() : params.to();
    LocalDate from = params.from() == null ? firstDate(params.accountId(), to) : params.from();
    return db.read(
        c -> {
          List<ValuePoint> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(ValuationQueries.HISTORY)) {
            bind(ps, from, to, params.accountId(), params.base());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String missing = rs.getString(6);
                if (missing != null) {
                  throw missingFx(missing, params.base(), rs.getObject(1, LocalDate.class));
                }
                out.add(
                    new ValuePoint(
                        rs.getObject(1, LocalDate.class),
                        zero(rs.getBigDecimal(2)),
                        zero(rs.getBigDecimal(3)),
                        zero(rs.getBigDecimal(4)),
                        zero(rs.getBigDecimal(5))));
              }
            }
          }
          return out;
        });
  }

  private LocalDate firstDate(@Nullable Long accountId, LocalDate to) {
    LocalDate first =
        db.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(ValuationQueries.FIRST_DATE)) {
                ps.setObject(1, accountId);
                ps.setObject(2, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getObject(1, LocalDate.class);
                }
              }
            });
    return first == null || first.isAfter(to) ? to : first;
  }

  private record Row(
      long accountId,
      String name,
      String type,
      @Nullable String symbol,
      String assetClass,
      boolean unpriced,
      @Nullable Double value,
      @Nullable Double cost) {}

  private List<Row> positions(LocalDate asOf, String currency) {
    return db.read(
        c -> {
          List<Row> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(ValuationQueries.POSITIONS)) {
            bind(ps, asOf, asOf, null, currency);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                double v = rs.getDouble(7);
                Double value = rs.wasNull() ? null : v;
                double k = rs.getDouble(8);
                Double cost = rs.wasNull() ? null : k;
                String missing = rs.getString(9);
                if (missing != null) {
                  throw missingFx(missing, currency, asOf);
                }
                out.add(
                    new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        value,
                        cost));
              }
            }
          }
          return out;
        });
  }

  public NetWorth netWorth(NetWorthParams params) {
    LocalDate asOf = params.asOf() == null ? today() : params.asOf();
    List<Row> rows = positions(asOf, params.base());
    double holdings = 0;
    double cash = 0;
    double unrealized = 0;
    boolean current = !asOf.isBefore(today());
    Map<Long, double[]> byAccount = new LinkedHashMap<>();
    Map<Long, Row> accounts = new LinkedHashMap<>();
    TreeSet<String> unpriced = new TreeSet<>();
    for (Row r : rows) {
      accounts.putIfAbsent(r.accountId(), r);
      double[] acc = byAccount.computeIfAbsent(r.accountId(), k -> new double[2]);
      if (r.value() == null) {
        if (r.symbol() != null) {
          unpriced.add(r.symbol());
        }
        continue;
      }
      acc[0] += r.value();
      if (r.symbol() == null) {
        cash += r.value();
        acc[1] += r.value();
      } else {
        holdings += r.value();
        if (r.cost() != null) {
          unrealized += r.value() - r.cost();
        }
      }
    }
    List<AccountValue> accountValues = new ArrayList<>();
    byAccount.forEach(
        (id, v) -> {
          Row r = accounts.get(id);
          accountValues.add(new AccountValue(id, r.name(), r.type(), money(v[0]), money(v[1])));
        });
    return new NetWorth(
        asOf,
        params.base(),
        money(holdings + cash),
        money(holdings),
        money(cash),
        current ? money(unrealized) : null,
        accountValues,
        slices(rows, Row::assetClass, Row::assetClass),
        List.copyOf(unpriced));
  }

  public List<AllocationSlice> allocation(AllocationParams params) {
    LocalDate asOf = params.asOf() == null ? today() : params.asOf();
    List<Row> rows = positions(asOf, params.base());
    return switch (params.by()) {
      case symbol ->
          slices(
              rows,
              r -> r.symbol() == null ? "cash" : r.symbol(),
              r -> r.symbol() == null ? "Cash" : r.symbol());
      case account -> slices(rows, r -> String.valueOf(r.accountId()), Row::name);
      case assetClass -> slices(rows, Row::assetClass, Row::assetClass);
      case accountType -> slices(rows, Row::type, Row::type);
    };
  }

  private static List<AllocationSlice> slices(
      List<Row> rows, Function<Row, String> key, Function<Row, String> label) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    double total = 0;
    for (Row r : rows) {
      if (r.value() == null) {
        continue;
      }
      String k = key.apply(r);
      sums.computeIfAbsent(k, x -> new double[1])[0] += r.value();
      labels.putIfAbsent(k, label.apply(r));
      total += r.value();
    }
    List<AllocationSlice> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double v = e.getValue()[0];
      out.add(
          new AllocationSlice(
              e.getKey(), labels.get(e.getKey()), money(v), total == 0 ? 0 : v / total));
    }
    out.sort((a, b) -> b.value().compareTo(a.value()));
    return out;
  }

  public Performance performance(HistoryParams params) {
    List<ValuePoint> points = history(params);
    LocalDate to = params.to() == null ? today() : params.to();
    if (points.isEmpty()) {
      LocalDate from = params.from() == null ? to : params.from();
      return new Performance(
          from,
          to,
          params.base(),
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          0,
          0,
          null,
          0,
          0,
          null,
          null,
          BigDecimal.ZERO);
    }
    List<PerformanceMath.Day> days = new ArrayList<>(points.size());
    for (ValuePoint p : points) {
      days.add(new PerformanceMath.Day(p.date(), p.value().doubleValue(), p.flow().doubleValue()));
    }
    double[] daily = PerformanceMath.dailyReturns(days);
    double twr = PerformanceMath.twr(daily);
    LocalDate from = points.getFirst().date();
    LocalDate last = points.getLast().date();
    List<PerformanceMath.Flow> flows = new ArrayList<>();
    flows.add(new PerformanceMath.Flow(from, -days.getFirst().value()));
    BigDecimal net = BigDecimal.ZERO;
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).flow().signum() != 0) {
        net = net.add(points.get(i).flow());
        flows.add(new PerformanceMath.Flow(points.get(i).date(), -days.get(i).flow()));
      }
    }
    flows.add(new PerformanceMath.Flow(last, days.getLast().value()));
    PerformanceMath.Drawdown dd = PerformanceMath.maxDrawdown(daily);
    BigDecimal dividends =
        db.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(ValuationQueries.DIVIDENDS)) {
                bind(ps, from, last, params.accountId(), params.base());
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  if (rs.getString(2) != null) {
                    throw missingFx(
                        rs.getString(2), params.base(), rs.getObject(3, LocalDate.class));
                  }
                  return rs.getBigDecimal(1);
                }
              }
            });
    return new Performance(
        from,
        last,
        params.base(),
        points.getFirst().value(),
        points.getLast().value(),
        net,
        twr,
        PerformanceMath.annualize(twr, ChronoUnit.DAYS.between(from, last)),
        PerformanceMath.xirr(flows),
        PerformanceMath.volatility(days, daily),
        dd.depth(),
        dd.peak() < 0 ? null : points.get(dd.peak()).date(),
        dd.trough() < 0 ? null : points.get(dd.trough()).date(),
        zero(dividends));
  }

  public Growth growth(GrowthParams params) {
    List<ValuePoint> points =
        history(new HistoryParams(null, null, params.accountId(), params.base()));
    return new Growth(
        params.base(),
        GrowthRates.by(points, d -> d.getYear() + "-" + String.format("%02d", d.getMonthValue())),
        GrowthRates.by(points, d -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1)),
        GrowthRates.by(points, d -> String.valueOf(d.getYear())));
  }

  /** Stores each account's value at {@code asOf} (replacing that day's rows) in one transaction. */
  public Snapshot snapshot(SnapshotParams params) {
    NetWorth nw = netWorth(new NetWorthParams(params.asOf(), params.base()));
    return db.write(
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM portfolio_snapshots WHERE date = ?")) {
            del.setObject(1, Date.valueOf(nw.asOf()));
            del.executeUpdate();
          }
          try (PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO portfolio_snapshots (date, account_id, currency, value, cash)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            for (AccountValue a : nw.byAccount()) {
              ins.setObject(1, Date.valueOf(nw.asOf()));
              ins.setLong(2, a.accountId());
              ins.setString(3, nw.currency());
              ins.setBigDecimal(4, a.value());
              ins.setBigDecimal(5, a.cash());
              ins.addBatch();
            }
            ins.executeBatch();
          }
          return new Snapshot(nw.asOf(), nw.currency(), nw.byAccount().size(), nw.total());
        });
  }

  /**
   * A valuation that needs a rate the FX table lacks fails rather than leave the amount out: a
   * total that silently drops a foreign account looks plausible and is wrong.
   */
  private static RpcException missingFx(String from, String base, LocalDate day) {
    return new RpcException(
        ErrorCode.MISSING_FX_RATE,
        "No "
            + from
            + "→"
            + base
            + " rate on or before "
            + day
            + ": sync the pair "
            + from
            + base
            + "=X (Market → Sync now syncs the pairs of every currency held)");
  }

  private static void bind(
      PreparedStatement ps, LocalDate from, LocalDate to, @Nullable Long account, String base)
      throws SQLException {
    ps.setObject(1, Date.valueOf(from));
    ps.setObject(2, Date.valueOf(to));
    ps.setObject(3, account);
    ps.setString(4, base);
  }

  private static BigDecimal zero(@Nullable BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
  }
}

package io.portfolioos.sidecar.valuation;

/**
 * The set-based valuation SQL. Quantities are put in today's share units (each trade times the
 * splits after it), because Yahoo's close is split-adjusted; values are summed per currency first
 * and converted once per day with the as-of FX rate, so the large join stays one pass.
 */
final class ValuationQueries {
  private ValuationQueries() {}

  /** Shared head: params (lo, hi, account or NULL, base currency) and the adjusted trades. */
  private static final String HEAD =
      """
      WITH p AS (SELECT CAST(? AS DATE) AS lo, CAST(? AS DATE) AS hi,
                        CAST(? AS BIGINT) AS acct, CAST(? AS VARCHAR) AS base),
      t AS (
        SELECT v.*, v.share_delta * coalesce((
          SELECT product(CAST(s.numerator AS DOUBLE) / CAST(s.denominator AS DOUBLE))
          FROM splits s WHERE s.symbol = v.symbol AND s.date > v.date), 1) AS adj_delta
        FROM valuation_trades v
        WHERE ((SELECT acct FROM p) IS NULL OR v.account_id = (SELECT acct FROM p))
          AND v.date <= (SELECT hi FROM p)),
      sym_ccy AS (
        SELECT t.symbol, coalesce(any_value(m.currency), any_value(t.currency)) AS ccy,
               coalesce(lower(any_value(m.instrument_type)), 'unknown') AS asset_class
        FROM t LEFT JOIN market_sync m ON m.source = 'yahoo' AND m.key = t.symbol
        WHERE t.symbol IS NOT NULL GROUP BY t.symbol),
      days AS (SELECT CAST(r.d AS DATE) AS d
               FROM p, range(p.lo, p.hi + INTERVAL 1 DAY, INTERVAL 1 DAY) r(d)),
      """;

  /**
   * Gives every row of {@code parts(d, ccy, …)} the rate from its currency to the base as of its
   * day (NULL when no rate is known: the amount is then left out). As-of values are carried forward
   * with a window over day rows merged with data rows (the day sorts after the data of the same
   * date): DuckDB plans an ASOF join against a large table as an inequality join here, which
   * multiplies rows by the price history.
   */
  private static final String CONVERT =
      """
      ccys AS (SELECT DISTINCT ccy FROM parts WHERE ccy <> (SELECT base FROM p)),
      fxev AS (
        SELECT c.ccy, days.d, CAST(NULL AS DOUBLE) AS rate, 1 AS is_day FROM ccys c, days
        UNION ALL
        SELECT f.from_ccy, f.date, f.rate, 0 FROM fx_rates f JOIN ccys c ON c.ccy = f.from_ccy
        WHERE f.to_ccy = (SELECT base FROM p) AND f.date <= (SELECT hi FROM p)),
      fxday AS (
        SELECT * FROM (
          SELECT ccy, d, is_day, last_value(rate IGNORE NULLS) OVER (
            PARTITION BY ccy ORDER BY d, is_day ROWS UNBOUNDED PRECEDING) AS rate
          FROM fxev) WHERE is_day = 1),
      conv AS (
        SELECT parts.*,
               CASE WHEN parts.ccy = (SELECT base FROM p) THEN 1.0 ELSE fx.rate END AS rate
        FROM parts LEFT JOIN fxday fx ON fx.ccy = parts.ccy AND fx.d = parts.d)
      """;

  /**
   * Daily rows (d, value, holdings, cash, flow) in the base currency, from lo to hi. Holdings are
   * not expanded to symbols × days: each symbol's level (shares × last close) is computed only at
   * its own price and trade rows, turned into changes, summed per day across symbols and carried
   * over the calendar once per currency.
   */
  static final String HISTORY =
      HEAD
          + """
      q AS (SELECT symbol, date, sum(adj_delta) AS dq FROM t WHERE adj_delta <> 0 GROUP BY ALL),
      held AS (SELECT DISTINCT symbol FROM q),
      ev AS (
        SELECT pr.symbol, pr.date AS d, CAST(pr.close AS DOUBLE) AS px, 0.0 AS dq
        FROM prices pr JOIN held h ON h.symbol = pr.symbol WHERE pr.date <= (SELECT hi FROM p)
        UNION ALL
        SELECT symbol, date, NULL, dq FROM q),
      lv AS (
        SELECT symbol, d, row_number() OVER w AS rn,
               coalesce(sum(dq) OVER w * last_value(px IGNORE NULLS) OVER w, 0.0) AS level
        FROM ev WINDOW w AS (PARTITION BY symbol ORDER BY d, px NULLS LAST
                             ROWS UNBOUNDED PRECEDING)),
      dlv AS (
        SELECT d, symbol, level - coalesce(lag(level) OVER (
                 PARTITION BY symbol ORDER BY rn), 0.0) AS dv
        FROM lv),
      hd AS (SELECT dlv.d, sc.ccy, sum(dlv.dv) AS dv FROM dlv JOIN sym_ccy sc USING (symbol)
             GROUP BY ALL),
      hev AS (
        SELECT c.ccy, days.d, 0.0 AS dv, 1 AS is_day FROM (SELECT DISTINCT ccy FROM hd) c, days
        UNION ALL SELECT ccy, d, dv, 0 FROM hd),
      hv AS (
        SELECT d, ccy, v FROM (
          SELECT ccy, d, is_day, sum(dv) OVER (
            PARTITION BY ccy ORDER BY d, is_day ROWS UNBOUNDED PRECEDING) AS v
          FROM hev) WHERE is_day = 1),
      cc AS (SELECT currency AS ccy, date, sum(cash_delta) AS dc FROM t GROUP BY ALL),
      cev AS (
        SELECT c.ccy, days.d, 0.0 AS dc, 1 AS is_day FROM (SELECT DISTINCT ccy FROM cc) c, days
        UNION ALL SELECT ccy, date, dc, 0 FROM cc),
      cv AS (
        SELECT ccy, d, cash FROM (
          SELECT ccy, d, is_day, sum(dc) OVER (
            PARTITION BY ccy ORDER BY d, is_day ROWS UNBOUNDED PRECEDING) AS cash
          FROM cev) WHERE is_day = 1),
      tf AS (SELECT t.date AS d, sc.ccy, sum(t.transfer_sign * abs(t.adj_delta) * (
               SELECT CAST(pr.close AS DOUBLE) FROM prices pr
               WHERE pr.symbol = t.symbol AND pr.date <= t.date ORDER BY pr.date DESC LIMIT 1)) AS v
             FROM t JOIN sym_ccy sc USING (symbol)
             WHERE t.transfer_sign <> 0 GROUP BY ALL),
      parts AS (
        SELECT d, ccy, v AS holdings, 0.0 AS cash, 0.0 AS flow FROM hv
        UNION ALL SELECT d, ccy, 0.0, cash, 0.0 FROM cv
        UNION ALL SELECT date, currency, 0.0, 0.0, cash_flow FROM t
          WHERE cash_flow <> 0 AND date >= (SELECT lo FROM p)
        UNION ALL SELECT d, ccy, 0.0, 0.0, v FROM tf WHERE d >= (SELECT lo FROM p) AND v IS NOT NULL),
      """
          + CONVERT
          + """
      SELECT d,
             CAST(sum((holdings + cash) * rate) AS DECIMAL(20, 4)) AS value,
             CAST(sum(holdings * rate) AS DECIMAL(20, 4)) AS holdings,
             CAST(sum(cash * rate) AS DECIMAL(20, 4)) AS cash,
             CAST(sum(flow * rate) AS DECIMAL(20, 4)) AS flow
      FROM conv GROUP BY d ORDER BY d
      """;

  /**
   * Holdings and cash on one day (lo = hi = the day): one row per account and symbol (symbol NULL
   * for cash), with local and base values, asset class and the ledger's cost basis.
   */
  static final String POSITIONS =
      HEAD
          + """
      pos AS (SELECT account_id, symbol, sum(adj_delta) AS qty, (SELECT hi FROM p) AS d
              FROM t WHERE adj_delta <> 0 GROUP BY ALL HAVING abs(sum(adj_delta)) > 1e-9),
      priced AS (SELECT pos.*, sc.ccy, sc.asset_class, CAST(pr.close AS DOUBLE) AS close
                 FROM pos JOIN sym_ccy sc USING (symbol)
                 ASOF LEFT JOIN prices pr ON pos.symbol = pr.symbol AND pos.d >= pr.date),
      parts AS (
        SELECT account_id, symbol, d, ccy, asset_class, qty * close AS amount, close
        FROM priced
        UNION ALL
        SELECT account_id, NULL, (SELECT hi FROM p), currency, 'cash', sum(cash_delta), 1.0
        FROM t GROUP BY account_id, currency),
      """
          + CONVERT
          + """
      SELECT conv.account_id, a.name, a.type, conv.symbol, conv.asset_class, conv.close IS NULL,
             amount * conv.rate AS base_value,
             CASE WHEN conv.symbol IS NULL THEN NULL ELSE lp.cost_basis * ra.rate END AS cost
      FROM conv JOIN accounts a ON a.id = conv.account_id
      LEFT JOIN positions lp ON lp.account_id = conv.account_id AND upper(lp.symbol) = conv.symbol
      LEFT JOIN (
        SELECT a2.id, CASE WHEN a2.currency = (SELECT base FROM p) THEN 1.0 ELSE
          (SELECT f.rate FROM fx_rates f WHERE f.from_ccy = a2.currency
             AND f.to_ccy = (SELECT base FROM p) AND f.date <= (SELECT hi FROM p)
           ORDER BY f.date DESC LIMIT 1) END AS rate
        FROM accounts a2) ra ON ra.id = conv.account_id
      ORDER BY conv.account_id, conv.symbol NULLS FIRST
      """;

  /** Dividends received in [lo, hi], in the base currency at each day's rate. */
  static final String DIVIDENDS =
      HEAD
          + """
      parts AS (SELECT date AS d, currency AS ccy, dividend FROM t
                WHERE dividend <> 0 AND date >= (SELECT lo FROM p)),
      """
          + CONVERT
          + """
      SELECT coalesce(CAST(sum(dividend * rate) AS DECIMAL(20, 4)), 0) FROM conv
      """;

  /** The first transaction's date (in the account, if one is given). */
  static final String FIRST_DATE =
      "SELECT min(date) FROM transactions WHERE ? IS NULL OR account_id = ?";
}

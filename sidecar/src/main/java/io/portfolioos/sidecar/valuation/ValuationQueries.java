package io.portfolioos.sidecar.valuation;

/**
 * The set-based valuation SQL. Quantities are put in today's share units (each trade times the
 * splits after it), because Yahoo's close is split-adjusted; values are summed per currency first
 * and converted once per day with the as-of FX rate, so the large join stays one pass.
 */
final class ValuationQueries {
  private ValuationQueries() {}

  /**
   * Shared head: the adjusted trades and each symbol's currency. Params are $1 lo, $2 hi, $3
   * account or NULL, $4 base currency, written as casts of positional parameters rather than read
   * from a one-row CTE: DuckDB plans a scalar subquery in a join or filter as a cross product or
   * nested-loop join over the rows it filters (a quarter of the history time when it did).
   */
  private static final String HEAD =
      """
      WITH t AS (
        SELECT v.*, v.share_delta * coalesce((
          SELECT product(CAST(s.numerator AS DOUBLE) / CAST(s.denominator AS DOUBLE))
          FROM splits s WHERE s.symbol = v.symbol AND s.date > v.date), 1) AS adj_delta
        FROM valuation_trades v
        WHERE (CAST($3 AS BIGINT) IS NULL OR v.account_id = CAST($3 AS BIGINT))
          AND v.date <= CAST($2 AS DATE)),
      sym_ccy AS (
        SELECT t.symbol, coalesce(any_value(m.currency), any_value(t.currency)) AS ccy,
               coalesce(lower(any_value(m.instrument_type)), 'unknown') AS asset_class
        FROM t LEFT JOIN market_sync m ON m.source = 'yahoo' AND m.key = t.symbol
        WHERE t.symbol IS NOT NULL GROUP BY t.symbol),
      days AS (SELECT CAST(r.d AS DATE) AS d
               FROM range(CAST($1 AS DATE), CAST($2 AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY) r(d)),
      """;

  /**
   * Gives every row of {@code parts(d, ccy, …)} the rate from its currency to the base as of its
   * day (NULL when no rate is known: each query reports such a row, and the module refuses to
   * answer with MISSING_FX_RATE rather than leave the amount out). As-of values are carried forward
   * with a window over day rows merged with data rows (the day sorts after the data of the same
   * date): DuckDB plans an ASOF join against a large table as an inequality join here, which
   * multiplies rows by the price history.
   */
  private static final String CONVERT =
      """
      ccys AS (SELECT DISTINCT ccy FROM parts WHERE ccy <> CAST($4 AS VARCHAR)),
      fxev AS (
        SELECT c.ccy, days.d, CAST(NULL AS DOUBLE) AS rate, 1 AS is_day FROM ccys c, days
        UNION ALL
        SELECT f.from_ccy, f.date, f.rate, 0 FROM fx_rates f JOIN ccys c ON c.ccy = f.from_ccy
        WHERE f.to_ccy = CAST($4 AS VARCHAR) AND f.date <= CAST($2 AS DATE)),
      fxday AS (
        SELECT * FROM (
          SELECT ccy, d, is_day, last_value(rate IGNORE NULLS) OVER (
            PARTITION BY ccy ORDER BY d, is_day ROWS UNBOUNDED PRECEDING) AS rate
          FROM fxev) WHERE is_day = 1),
      conv AS (
        SELECT parts.*,
               CASE WHEN parts.ccy = CAST($4 AS VARCHAR) THEN 1.0 ELSE fx.rate END AS rate
        FROM parts LEFT JOIN fxday fx ON fx.ccy = parts.ccy AND fx.d = parts.d)
      """;

  /**
   * Daily rows (d, value, holdings, cash, flow) in the base currency, from lo to hi.
   *
   * <p>Holdings are never expanded to symbols × days, and the price rows are never sorted per
   * symbol (a window over them was two thirds of the time): every step over the ~500 k price rows
   * of a large portfolio is a hash join or a hash aggregate.
   *
   * <ul>
   *   <li>Quantities are change points per symbol ({@code cq}: from a, qty until b), few rows. A
   *       price row finds its quantity by a hash join on (symbol, month) against the change-point
   *       intervals listed once per month they cover ({@code qb}), then the date range.
   *   <li>Most symbols have a close on every day of the price calendar ({@code cal}: every date any
   *       held symbol has a close) between their first and last close ({@code reg}, checked by
   *       counting). Their levels (quantity × close) are summed per day of that calendar and turned
   *       into daily changes there ({@code dlvl}); a trade between two calendar days adds its
   *       quantity × the last close until the next one ({@code kind2}); after a symbol's last close
   *       its level stays ({@code tail}).
   *   <li>Other symbols (gaps, or a calendar of their own such as crypto on weekends beside stocks)
   *       get their next close with a window over their own rows and are cut into pieces of
   *       constant level, each added at its start and removed at its end ({@code pieces}).
   * </ul>
   *
   * The changes are summed per day and currency and carried over the calendar once per currency.
   */
  static final String HISTORY =
      HEAD
          + """
      held AS (
        SELECT sc.symbol, sc.ccy, row_number() OVER () AS sid FROM sym_ccy sc
        WHERE sc.symbol IN (SELECT symbol FROM t WHERE adj_delta <> 0)),
      q AS (SELECT h.sid, h.ccy, t.date AS a, sum(t.adj_delta) AS dq
            FROM t JOIN held h USING (symbol) WHERE t.adj_delta <> 0 GROUP BY ALL),
      cq AS (
        SELECT sid, ccy, a, dq, sum(dq) OVER w AS qty,
               coalesce(lead(a) OVER w, CAST($2 AS DATE) + 1) AS b
        FROM q WINDOW w AS (PARTITION BY sid ORDER BY a ROWS UNBOUNDED PRECEDING)),
      px AS (SELECT h.sid, pr.date, CAST(pr.close AS DOUBLE) AS px
             FROM prices pr JOIN held h USING (symbol) WHERE pr.date <= CAST($2 AS DATE)),
      cal AS (SELECT date, row_number() OVER (ORDER BY date) AS rk,
                     lead(date) OVER (ORDER BY date) AS nxt
              FROM (SELECT DISTINCT date FROM px)),
      st AS (SELECT sid, min(date) AS lo, max(date) AS hi, count(*) AS n,
                    arg_max(px, date) AS last_px FROM px GROUP BY sid),
      reg AS (SELECT st.*, c2.nxt AS after_hi FROM st JOIN cal c1 ON c1.date = st.lo
              JOIN cal c2 ON c2.date = st.hi WHERE st.n = c2.rk - c1.rk + 1),
      irr AS (SELECT sid FROM st WHERE sid NOT IN (SELECT sid FROM reg)),
      qb AS (SELECT cq.*, reg.sid IS NOT NULL AS regular,
                    unnest(range(year(greatest(a, st.lo)) * 12 + month(greatest(a, st.lo)),
                                 year(b - 1) * 12 + month(b - 1) + 1)) AS m
             FROM cq JOIN st USING (sid) LEFT JOIN reg USING (sid) WHERE cq.b > st.lo),
      lvl AS (
        SELECT px.date AS d, qb.ccy, sum(qb.qty * px.px) AS v
        FROM px JOIN qb ON qb.sid = px.sid AND qb.m = year(px.date) * 12 + month(px.date)
                        AND qb.a <= px.date AND px.date < qb.b AND qb.regular
        GROUP BY ALL),
      dlvl AS (
        SELECT d, ccy, v - coalesce(lag(v) OVER (PARTITION BY ccy ORDER BY d), 0.0) AS dv
        FROM (SELECT cal.date AS d, c.ccy, coalesce(lvl.v, 0.0) AS v
              FROM cal CROSS JOIN (SELECT DISTINCT ccy FROM held) c
              LEFT JOIN lvl ON lvl.d = cal.date AND lvl.ccy = c.ccy)),
      tail AS (
        SELECT reg.after_hi AS d, cq.ccy, cq.qty * reg.last_px AS dv
        FROM reg JOIN cq ON cq.sid = reg.sid AND cq.a <= reg.hi AND reg.hi < cq.b
        WHERE reg.after_hi IS NOT NULL),
      cpd AS (
        SELECT cq.*, least(c.date, reg.hi) AS pd FROM cq JOIN reg USING (sid)
        ASOF JOIN cal c ON cq.a >= c.date WHERE cq.a > reg.lo),
      kind2 AS (
        SELECT cpd.ccy, cpd.a, cpd.dq * px.px AS dv,
               CASE WHEN cpd.pd = reg.hi THEN NULL ELSE cal.nxt END AS nd
        FROM cpd JOIN reg USING (sid) JOIN cal ON cal.date = cpd.pd
        JOIN px ON px.sid = cpd.sid AND px.date = cpd.pd
        WHERE cpd.pd < cpd.a),
      sp AS (
        SELECT px.sid, px.date AS d0, px.px, coalesce(lead(px.date) OVER (
                 PARTITION BY px.sid ORDER BY px.date), CAST($2 AS DATE) + 1) AS d1
        FROM px JOIN irr USING (sid)),
      pieces AS (
        SELECT qb.ccy, sp.d0 AS s, least(sp.d1, qb.b) AS e, qb.qty * sp.px AS v
        FROM sp JOIN qb ON qb.sid = sp.sid AND qb.m = year(sp.d0) * 12 + month(sp.d0)
                        AND qb.a <= sp.d0 AND sp.d0 < qb.b AND NOT qb.regular
        UNION ALL
        SELECT cq.ccy, cq.a, least(sp.d1, cq.b), cq.qty * sp.px
        FROM cq JOIN irr USING (sid) ASOF JOIN sp ON sp.sid = cq.sid AND cq.a > sp.d0
        WHERE cq.a < sp.d1),
      hd AS (
        SELECT d, ccy, sum(dv) AS dv FROM (
          SELECT d, ccy, dv FROM dlvl
          UNION ALL SELECT d, ccy, dv FROM tail
          UNION ALL SELECT a, ccy, dv FROM kind2
          UNION ALL SELECT nd, ccy, -dv FROM kind2 WHERE nd IS NOT NULL
          UNION ALL SELECT unnest([s, e]), ccy, unnest([v, -v]) FROM pieces)
        WHERE d <= CAST($2 AS DATE) GROUP BY ALL),
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
          WHERE cash_flow <> 0 AND date >= CAST($1 AS DATE)
        UNION ALL SELECT d, ccy, 0.0, 0.0, v FROM tf WHERE d >= CAST($1 AS DATE) AND v IS NOT NULL),
      """
          + CONVERT
          + """
      SELECT d,
             CAST(sum((holdings + cash) * rate) AS DECIMAL(20, 4)) AS value,
             CAST(sum(holdings * rate) AS DECIMAL(20, 4)) AS holdings,
             CAST(sum(cash * rate) AS DECIMAL(20, 4)) AS cash,
             CAST(sum(flow * rate) AS DECIMAL(20, 4)) AS flow,
             min(ccy) FILTER (WHERE rate IS NULL AND (abs(holdings) > 1e-9 OR abs(cash) > 1e-9
                                                      OR flow <> 0)) AS missing_fx
      FROM conv GROUP BY d ORDER BY d
      """;

  /**
   * Holdings and cash on one day (lo = hi = the day): one row per account and symbol (symbol NULL
   * for cash), with local and base values, asset class and the ledger's cost basis (in the
   * account's currency, so its rate is needed too: a cost left out would skew the unrealized gain).
   */
  static final String POSITIONS =
      HEAD
          + """
      pos AS (SELECT account_id, symbol, sum(adj_delta) AS qty, CAST($2 AS DATE) AS d
              FROM t WHERE adj_delta <> 0 GROUP BY ALL HAVING abs(sum(adj_delta)) > 1e-9),
      priced AS (SELECT pos.*, sc.ccy, sc.asset_class, CAST(pr.close AS DOUBLE) AS close
                 FROM pos JOIN sym_ccy sc USING (symbol)
                 ASOF LEFT JOIN prices pr ON pos.symbol = pr.symbol AND pos.d >= pr.date),
      parts AS (
        SELECT account_id, symbol, d, ccy, asset_class, qty * close AS amount, close
        FROM priced
        UNION ALL
        SELECT account_id, NULL, CAST($2 AS DATE), currency, 'cash', sum(cash_delta), 1.0
        FROM t GROUP BY account_id, currency),
      """
          + CONVERT
          + """
      SELECT conv.account_id, a.name, a.type, conv.symbol, conv.asset_class, conv.close IS NULL,
             amount * conv.rate AS base_value,
             CASE WHEN conv.symbol IS NULL THEN NULL ELSE lp.cost_basis * ra.rate END AS cost,
             CASE WHEN conv.rate IS NULL AND abs(amount) > 1e-9 THEN conv.ccy
                  WHEN conv.symbol IS NOT NULL AND ra.rate IS NULL AND lp.cost_basis <> 0
                  THEN a.currency END AS missing_fx
      FROM conv JOIN accounts a ON a.id = conv.account_id
      LEFT JOIN positions lp ON lp.account_id = conv.account_id AND upper(lp.symbol) = conv.symbol
      LEFT JOIN (
        SELECT a2.id, CASE WHEN a2.currency = CAST($4 AS VARCHAR) THEN 1.0 ELSE
          (SELECT f.rate FROM fx_rates f WHERE f.from_ccy = a2.currency
             AND f.to_ccy = CAST($4 AS VARCHAR) AND f.date <= CAST($2 AS DATE)
           ORDER BY f.date DESC LIMIT 1) END AS rate
        FROM accounts a2) ra ON ra.id = conv.account_id
      ORDER BY conv.account_id, conv.symbol NULLS FIRST
      """;

  /** Dividends received in [lo, hi], in the base currency at each day's rate. */
  static final String DIVIDENDS =
      HEAD
          + """
      parts AS (SELECT date AS d, currency AS ccy, dividend FROM t
                WHERE dividend <> 0 AND date >= CAST($1 AS DATE)),
      """
          + CONVERT
          + """
      SELECT coalesce(CAST(sum(dividend * rate) AS DECIMAL(20, 4)), 0),
             min(ccy) FILTER (WHERE rate IS NULL), min(d) FILTER (WHERE rate IS NULL)
      FROM conv
      """;

  /** The first transaction's date (in the account, if one is given). */
  static final String FIRST_DATE =
      "SELECT min(date) FROM transactions WHERE ? IS NULL OR account_id = ?";
}

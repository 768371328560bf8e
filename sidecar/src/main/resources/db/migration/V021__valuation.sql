-- Valuation (see docs/market.md). The two views are valuation's whole reading of the ledger and
-- of FX, so a change of ledger conventions touches only them.

-- One row per transaction with its effects signed. The ledger's conventions (docs/ledger.md):
-- quantity, price and fees are positive and the type says which way shares go; amount is the
-- cash the row moved, fees included, negative when cash left, and 0 when the file gave none —
-- then a trade's cash is quantity × price ± fees, exactly as the lot engine reads it. For types
-- whose direction is fixed (deposits, withdrawals, fees, trades) the type decides the sign, so
-- a hand-written file with unsigned amounts values the same; dividends and interest keep their
-- sign (a reversal is negative). A REINVEST is a buy paid with a dividend recorded on its own
-- DIVIDEND row (generic files, Schwab, Vanguard), so it spends cash and is not income again.
-- A transfer's amount is the shares' original cost, not cash: transfers move shares only and
-- count as external flows at the day's price. Ledger SPLIT rows add nothing here: quantities
-- are put in today's units with the market's split history (ValuationQueries).
CREATE VIEW valuation_trades AS
SELECT
  account_id,
  date,
  upper(symbol) AS symbol,
  type,
  currency,
  CASE
    WHEN type IN ('BUY', 'REINVEST', 'TRANSFER_IN') THEN q
    WHEN type IN ('SELL', 'TRANSFER_OUT') THEN -q
    ELSE 0.0 END AS share_delta,
  CASE type
    WHEN 'DEPOSIT' THEN amt
    WHEN 'WITHDRAWAL' THEN -amt
    WHEN 'BUY' THEN -(CASE WHEN amt <> 0 THEN amt ELSE q * px + fee END)
    WHEN 'REINVEST' THEN -(CASE WHEN amt <> 0 THEN amt ELSE q * px + fee END)
    WHEN 'SELL' THEN CASE WHEN amt <> 0 THEN amt ELSE q * px - fee END
    WHEN 'DIVIDEND' THEN signed_amt
    WHEN 'INTEREST' THEN signed_amt
    WHEN 'FEE' THEN -amt
    WHEN 'RETURN_OF_CAPITAL' THEN amt
    ELSE 0.0 END AS cash_delta,
  -- Money crossing the portfolio's boundary: what time-weighted returns leave out.
  CASE type WHEN 'DEPOSIT' THEN amt WHEN 'WITHDRAWAL' THEN -amt ELSE 0.0 END AS cash_flow,
  CASE type WHEN 'TRANSFER_IN' THEN 1 WHEN 'TRANSFER_OUT' THEN -1 ELSE 0 END AS transfer_sign,
  CASE WHEN type = 'DIVIDEND' THEN signed_amt ELSE 0.0 END AS dividend
-- Doubles from here on: valuation multiplies quantities by prices and FX rates, and DuckDB's
-- DECIMAL(18) products overflow; the ledger itself stays exact.
FROM (SELECT *, CAST(abs(quantity) AS DOUBLE) AS q, CAST(price AS DOUBLE) AS px,
             CAST(abs(amount) AS DOUBLE) AS amt, CAST(amount AS DOUBLE) AS signed_amt,
             CAST(abs(fees) AS DOUBLE) AS fee
      FROM transactions);

-- Rates from Yahoo's FX pairs (EURUSD=X: the price of 1 EUR in USD) both ways.
CREATE VIEW fx_rates AS
SELECT substr(symbol, 1, 3) AS from_ccy, substr(symbol, 4, 3) AS to_ccy, date,
       CAST(close AS DOUBLE) AS rate
FROM prices WHERE symbol LIKE '______=X' AND close > 0
UNION ALL
SELECT substr(symbol, 4, 3), substr(symbol, 1, 3), date, 1.0 / CAST(close AS DOUBLE)
FROM prices WHERE symbol LIKE '______=X' AND close > 0;

-- portfolio.snapshot: each account's worth at a day's close, in the base currency of the day.
CREATE TABLE portfolio_snapshots (
  date DATE NOT NULL,
  account_id BIGINT NOT NULL,
  currency VARCHAR NOT NULL,
  value DECIMAL(20, 4) NOT NULL,
  cash DECIMAL(20, 4) NOT NULL,
  taken_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

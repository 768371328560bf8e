-- Market data (see docs/market.md). Prices are rounded to 6 decimals on the way in: Yahoo sends
-- binary floats (129.41000366210938) and the ledger values positions in exact decimals.
-- No primary keys: every write replaces a symbol's whole fetched date range in one transaction
-- (delete range, insert), which keeps rows unique and avoids index maintenance on bulk loads.
CREATE TABLE prices (
  symbol VARCHAR NOT NULL,
  date DATE NOT NULL,
  open DECIMAL(18, 6),
  high DECIMAL(18, 6),
  low DECIMAL(18, 6),
  close DECIMAL(18, 6) NOT NULL,
  adj_close DECIMAL(18, 6),
  volume BIGINT
);

CREATE TABLE dividends (
  symbol VARCHAR NOT NULL,
  date DATE NOT NULL,
  amount DECIMAL(18, 6) NOT NULL
);

CREATE TABLE splits (
  symbol VARCHAR NOT NULL,
  date DATE NOT NULL,
  numerator DECIMAL(18, 6) NOT NULL,
  denominator DECIMAL(18, 6) NOT NULL
);

CREATE TABLE macro_observations (
  series_id VARCHAR NOT NULL,
  date DATE NOT NULL,
  value DECIMAL(28, 8)
);

-- One row per symbol (source 'yahoo') or series (source 'fred'): the contiguous date range
-- already fetched, so a sync asks the source only for what lies outside it.
CREATE TABLE market_sync (
  source VARCHAR NOT NULL,
  key VARCHAR NOT NULL,
  covered_from DATE,
  covered_to DATE,
  currency VARCHAR,
  -- Yahoo's meta.instrumentType (EQUITY, ETF, MUTUALFUND, CRYPTOCURRENCY, CURRENCY, INDEX):
  -- the asset class valuation groups by.
  instrument_type VARCHAR,
  last_sync_at TIMESTAMP NOT NULL,
  last_status VARCHAR NOT NULL,
  last_error VARCHAR,
  PRIMARY KEY (source, key)
);

-- A disposal's gain (proceeds - basis) and term (LONG when sold more than a calendar year after
-- acquisition, a 29 February plus a year being 28 February) follow from its other columns, so the
-- lot engine stores neither: a full recompute appends about a million pieces, and two columns
-- fewer, one of them text, make that cheaper. The disposals view derives both for every reader.
CREATE TABLE disposal_pieces (
  account_id BIGINT NOT NULL,
  symbol VARCHAR NOT NULL,
  transaction_id BIGINT NOT NULL,
  lot_id BIGINT NOT NULL,
  acquired DATE NOT NULL,
  sold DATE NOT NULL,
  quantity DECIMAL(18, 8) NOT NULL,
  proceeds DECIMAL(18, 6) NOT NULL,
  cost_basis DECIMAL(18, 6) NOT NULL
);

INSERT INTO disposal_pieces
SELECT account_id, symbol, transaction_id, lot_id, acquired, sold, quantity, proceeds, cost_basis
FROM disposals;

DROP TABLE disposals;

CREATE VIEW disposals AS
SELECT account_id, symbol, transaction_id, lot_id, acquired, sold, quantity, proceeds, cost_basis,
  CAST(proceeds - cost_basis AS DECIMAL(18, 6)) AS gain,
  CASE WHEN sold > acquired + INTERVAL 1 YEAR THEN 'LONG' ELSE 'SHORT' END AS term
FROM disposal_pieces;

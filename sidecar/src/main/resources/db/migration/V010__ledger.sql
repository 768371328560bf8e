-- The ledger: accounts, imported transactions and the lots the engine computes from them.
-- Money and quantities are exact DECIMALs. Quantities keep 8 decimals (crypto), prices 8,
-- money 6 (a millionth of the currency unit, so per-share rounding never shows in cents).
-- Bulk imports of millions of rows must stay fast, so the big tables carry no PRIMARY KEY,
-- UNIQUE or FOREIGN KEY index: the single sidecar writer hands out ids from sequences and
-- checks references and fingerprints in the same write transaction (see ledger/*.java);
-- transaction ids are max(id) + the row number within an import, in date order.

CREATE SEQUENCE account_id_seq START 1;
CREATE TABLE accounts (
  id BIGINT PRIMARY KEY DEFAULT nextval('account_id_seq'),
  name VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  institution VARCHAR,
  currency VARCHAR NOT NULL DEFAULT 'USD',
  cost_basis_method VARCHAR NOT NULL DEFAULT 'FIFO',
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE import_batch_id_seq START 1;
CREATE TABLE import_batches (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  broker VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  imported BIGINT NOT NULL,
  duplicates BIGINT NOT NULL,
  imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- One row per ledger event. seq orders rows of the same day (the file order of the import);
-- line is the row's line in its file, for error messages; fingerprint identifies the row's
-- content (plus its occurrence number among identical rows of one file) so a re-import or an
-- overlapping export adds nothing twice.
CREATE TABLE transactions (
  id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  batch_id BIGINT,
  line BIGINT NOT NULL,
  date DATE NOT NULL,
  type VARCHAR NOT NULL,
  symbol VARCHAR,
  quantity DECIMAL(18, 8) NOT NULL DEFAULT 0,
  price DECIMAL(18, 8) NOT NULL DEFAULT 0,
  fees DECIMAL(18, 6) NOT NULL DEFAULT 0,
  amount DECIMAL(18, 6) NOT NULL DEFAULT 0,
  currency VARCHAR NOT NULL,
  split_to DECIMAL(18, 8),
  split_from DECIMAL(18, 8),
  acquired DATE,
  description VARCHAR,
  fingerprint UBIGINT NOT NULL
);

-- Specific-lot choices for sales in SPECIFIC accounts (ledger.assignLots).
CREATE TABLE lot_assignments (
  transaction_id BIGINT NOT NULL,
  lot_id BIGINT NOT NULL,
  quantity DECIMAL(18, 8) NOT NULL
);

-- Computed by the lot engine from transactions; never written any other way.
-- lot_id is the id of the acquiring transaction.
CREATE TABLE lots (
  account_id BIGINT NOT NULL,
  symbol VARCHAR NOT NULL,
  lot_id BIGINT NOT NULL,
  acquired DATE NOT NULL,
  quantity DECIMAL(18, 8) NOT NULL,
  remaining DECIMAL(18, 8) NOT NULL,
  cost_basis DECIMAL(18, 6) NOT NULL
);

CREATE TABLE disposals (
  account_id BIGINT NOT NULL,
  symbol VARCHAR NOT NULL,
  transaction_id BIGINT NOT NULL,
  lot_id BIGINT NOT NULL,
  acquired DATE NOT NULL,
  sold DATE NOT NULL,
  quantity DECIMAL(18, 8) NOT NULL,
  proceeds DECIMAL(18, 6) NOT NULL,
  cost_basis DECIMAL(18, 6) NOT NULL,
  gain DECIMAL(18, 6) NOT NULL,
  term VARCHAR NOT NULL
);

-- One row per (account, symbol) the engine has seen: the holdings, ready to read.
CREATE TABLE positions (
  account_id BIGINT NOT NULL,
  symbol VARCHAR NOT NULL,
  quantity DECIMAL(18, 8) NOT NULL,
  cost_basis DECIMAL(18, 6) NOT NULL,
  realized_gain DECIMAL(18, 6) NOT NULL,
  open_lots INTEGER NOT NULL
);

-- Why the engine treated a transaction specially (e.g. NO_LOT_ASSIGNMENT).
CREATE TABLE transaction_flags (
  transaction_id BIGINT NOT NULL,
  flag VARCHAR NOT NULL
);

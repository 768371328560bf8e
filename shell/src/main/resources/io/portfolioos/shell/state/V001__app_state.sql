-- The shell's app state. Portfolio data lives in the sidecar's DuckDB, never here.
CREATE TABLE preferences (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row: the desktop window's last bounds.
CREATE TABLE window_state (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  x         INTEGER NOT NULL,
  y         INTEGER NOT NULL,
  width     INTEGER NOT NULL CHECK (width > 0),
  height    INTEGER NOT NULL CHECK (height > 0),
  maximized INTEGER NOT NULL CHECK (maximized IN (0, 1))
);

CREATE TABLE data_sources (
  id                    TEXT PRIMARY KEY,
  name                  TEXT NOT NULL,
  kind                  TEXT NOT NULL CHECK (kind IN ('PRICES', 'MACRO')),
  base_url              TEXT NOT NULL,
  rate_limit_per_minute INTEGER NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 10000),
  enabled               INTEGER NOT NULL CHECK (enabled IN (0, 1))
);
INSERT INTO data_sources VALUES
  ('yahoo', 'Yahoo Finance', 'PRICES', 'https://query1.finance.yahoo.com', 60, 1),
  ('fred', 'FRED (St. Louis Fed)', 'MACRO', 'https://api.stlouisfed.org', 120, 1);

-- An LLM endpoint the assistant may use; its API key is the secret named secret_name.
CREATE TABLE llm_providers (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL,
  base_url    TEXT NOT NULL,
  model       TEXT NOT NULL,
  secret_name TEXT,
  enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  created_at  TEXT NOT NULL
);

-- What the user allowed to leave the machine, and to whom (e.g. portfolio data to a cloud model).
CREATE TABLE consents (
  scope      TEXT NOT NULL,
  subject    TEXT NOT NULL,
  granted    INTEGER NOT NULL CHECK (granted IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (scope, subject)
);

CREATE TABLE conversations (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  title       TEXT NOT NULL,
  provider_id TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE messages (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  role            TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
  content         TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);

-- A saved column mapping for importing one broker's CSV layout.
CREATE TABLE import_presets (
  name       TEXT PRIMARY KEY,
  format     TEXT NOT NULL,
  mapping    TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- AES-256-GCM ciphertexts under the master key; the name is the associated data.
CREATE TABLE secrets (
  name       TEXT PRIMARY KEY,
  nonce      BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row: a value derived from the master key, to tell whether the key at hand is the one the
-- stored secrets were encrypted with.
CREATE TABLE secrets_master (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  key_check BLOB NOT NULL
);

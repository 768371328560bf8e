-- The assistant's tables in app.sqlite: providers (no keys: only the secret's name), the user's
-- consent per provider, and saved conversations.
CREATE TABLE IF NOT EXISTS llm_provider (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  base_url     TEXT NOT NULL,
  model        TEXT,
  key_name     TEXT,
  is_default   INTEGER NOT NULL DEFAULT 0,
  consented_at TEXT,
  created_at   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS llm_conversation (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS llm_message (
  conversation_id TEXT NOT NULL REFERENCES llm_conversation(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  role            TEXT NOT NULL,
  content         TEXT NOT NULL,
  tool_name       TEXT,
  tool_input      TEXT,
  provider_id     TEXT,
  model           TEXT,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

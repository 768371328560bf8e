-- The assistant on the tables V001 set aside for it: which provider is the default, and for each
-- saved message the tool it called (name and JSON input) and the provider and model that answered.
-- Consent to a provider is a consents row with scope 'llm' and the provider's id as subject. An
-- empty model means "the first model the provider lists".
ALTER TABLE llm_providers ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1));
ALTER TABLE messages ADD COLUMN tool_name TEXT;
ALTER TABLE messages ADD COLUMN tool_input TEXT;
ALTER TABLE messages ADD COLUMN provider_id TEXT;
ALTER TABLE messages ADD COLUMN model TEXT;
-- LM Studio is the default on a fresh install: local, nothing leaves the machine.
INSERT INTO llm_providers (id, kind, name, base_url, model, secret_name, enabled, is_default, created_at)
VALUES ('lmstudio', 'lmStudio', 'LM Studio', 'http://localhost:1234/v1', '', NULL, 1, 1, '1970-01-01T00:00:00Z');

-- Facts about this database file itself.
CREATE TABLE app_meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
INSERT INTO app_meta VALUES ('created_at', CAST(current_timestamp AS VARCHAR));

-- The (account, symbol) groups whose disposal pieces a recompute has not stored yet. Changing the
-- lot method or importing a large file replays every lot at once; storing the ≈ one piece per sale
-- and lot it consumed was most of that time, and only ledger.realized, ledger.assignLots and the
-- realized export read them. So a recompute stores lots and positions (with the realized gain) and
-- lists the group here; the first reader of its disposals replays it again and stores the pieces.
CREATE TABLE disposals_pending (
  account_id BIGINT NOT NULL,
  symbol VARCHAR NOT NULL
);

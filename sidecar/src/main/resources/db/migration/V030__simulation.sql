-- Stored Monte Carlo runs (docs/simulation.md). Every simulation.run keeps its config and its
-- percentile bands so a run can be listed, exported and compared later. Simulation figures are
-- statistics, so doubles (not ledger money).
CREATE SEQUENCE simulation_run_ids START 1;

CREATE TABLE simulation_runs (
  id BIGINT PRIMARY KEY DEFAULT nextval('simulation_run_ids'),
  created_at TIMESTAMPTZ NOT NULL,
  config JSON NOT NULL,
  trials INTEGER NOT NULL,
  years INTEGER NOT NULL,
  success_rate DOUBLE NOT NULL,
  median_terminal DOUBLE NOT NULL,
  elapsed_ms BIGINT NOT NULL,
  exact_percentiles BOOLEAN NOT NULL
);

-- Year 0 is the start of the first year; depleted counts the trials that ran out during the year.
CREATE TABLE simulation_run_years (
  run_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  p5 DOUBLE NOT NULL,
  p10 DOUBLE NOT NULL,
  p25 DOUBLE NOT NULL,
  p50 DOUBLE NOT NULL,
  p75 DOUBLE NOT NULL,
  p90 DOUBLE NOT NULL,
  p95 DOUBLE NOT NULL,
  depleted INTEGER NOT NULL,
  PRIMARY KEY (run_id, year)
);

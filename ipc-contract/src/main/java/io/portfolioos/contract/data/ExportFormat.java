package io.portfolioos.contract.data;

/** The file format of an export; every one is written by DuckDB's own writer. */
public enum ExportFormat {
  csv,
  json,
  parquet
}

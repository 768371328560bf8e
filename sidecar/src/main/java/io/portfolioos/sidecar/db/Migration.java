package io.portfolioos.sidecar.db;

/** One numbered schema change, a SQL script under {@code /db/migration/} run in one transaction. */
record Migration(int version, String resource) {}

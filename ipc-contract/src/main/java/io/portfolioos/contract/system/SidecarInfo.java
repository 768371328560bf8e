package io.portfolioos.contract.system;

/** The sidecar process, its database and its runtime. */
public record SidecarInfo(
    String version,
    long pid,
    String dataDir,
    String duckdbVersion,
    int schemaVersion,
    String javaVersion,
    long uptimeMs) {}

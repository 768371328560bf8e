package io.portfolioos.contract.data;

/** A consistent copy of the sidecar's database: its schema version, size and SHA-256 (hex). */
public record DataSnapshot(String path, int schemaVersion, long bytes, String sha256) {}

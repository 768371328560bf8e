package io.portfolioos.contract.data;

/**
 * What {@code data.restore} did: the manifest it restored, and the schema version the database has
 * now (higher than the archive's when the sidecar migrated an older backup).
 */
public record RestoreResult(BackupManifest manifest, int analyticsSchemaVersion) {}

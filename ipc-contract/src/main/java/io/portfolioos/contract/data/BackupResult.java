package io.portfolioos.contract.data;

/** What {@code data.backup} wrote: the archive, its size and the manifest it carries. */
public record BackupResult(String path, long bytes, BackupManifest manifest) {}

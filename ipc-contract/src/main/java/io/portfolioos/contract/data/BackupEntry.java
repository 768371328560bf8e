package io.portfolioos.contract.data;

/** One file of a backup archive: its name in the archive, size and SHA-256 (hex). */
public record BackupEntry(String name, long bytes, String sha256) {}

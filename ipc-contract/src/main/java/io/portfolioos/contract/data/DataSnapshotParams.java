package io.portfolioos.contract.data;

/**
 * Params of {@code data.snapshot}: where the sidecar writes a consistent copy of its database. The
 * shell's {@code data.backup} calls it; the file must not exist yet.
 */
public record DataSnapshotParams(String path) {
  public DataSnapshotParams {
    AbsolutePath.check(path, "path");
  }
}

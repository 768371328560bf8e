package io.portfolioos.contract.data;

/** Params of {@code data.backup}: the archive to write (absolute, from the save dialog). */
public record BackupParams(String path) {
  public BackupParams {
    AbsolutePath.check(path, "path");
  }
}

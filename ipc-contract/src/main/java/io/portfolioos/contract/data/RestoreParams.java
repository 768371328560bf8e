package io.portfolioos.contract.data;

/** Params of {@code data.restore}: the archive to restore (absolute, from the open dialog). */
public record RestoreParams(String path) {
  public RestoreParams {
    AbsolutePath.check(path, "path");
  }
}

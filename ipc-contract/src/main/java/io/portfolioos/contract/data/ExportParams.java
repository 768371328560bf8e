package io.portfolioos.contract.data;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code data.export}. {@code path} is absolute, normally what {@code dialogs.saveFile}
 * answered; an existing file there is replaced only once the new one is complete.
 */
public record ExportParams(
    ExportKind kind, ExportFormat format, String path, @Nullable ExportFilters filters) {
  public ExportParams {
    Check.required(kind, "kind");
    Check.required(format, "format");
    AbsolutePath.check(path, "path");
    filters = filters == null ? ExportFilters.NONE : filters;
  }
}

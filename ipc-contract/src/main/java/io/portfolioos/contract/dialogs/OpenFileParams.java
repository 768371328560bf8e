package io.portfolioos.contract.dialogs;

import io.portfolioos.contract.Check;
import java.util.List;

/**
 * @param title the dialog's title
 * @param filters the file types offered, first one selected; may be empty (any file)
 */
public record OpenFileParams(String title, List<FileFilter> filters) {
  public OpenFileParams {
    Check.notBlank(title, "title");
    Check.that(title.length() <= 200, "title", "must be at most 200 characters");
    filters = List.copyOf(Check.required(filters, "filters"));
    Check.that(filters.size() <= 20, "filters", "must have at most 20 entries");
  }
}

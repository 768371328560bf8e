package io.portfolioos.contract.dialogs;

import io.portfolioos.contract.Check;
import java.util.List;

/**
 * @param title the dialog's title
 * @param suggestedName a file name without folders, e.g. {@code holdings.csv}
 * @param filters the file types offered, first one selected; may be empty
 */
public record SaveFileParams(String title, String suggestedName, List<FileFilter> filters) {
  public SaveFileParams {
    Check.notBlank(title, "title");
    Check.that(title.length() <= 200, "title", "must be at most 200 characters");
    Check.notBlank(suggestedName, "suggestedName");
    Check.that(suggestedName.length() <= 255, "suggestedName", "must be at most 255 characters");
    Check.that(
        suggestedName.indexOf('/') < 0
            && suggestedName.indexOf('\\') < 0
            && suggestedName.indexOf('\0') < 0
            && !suggestedName.equals(".")
            && !suggestedName.equals(".."),
        "suggestedName",
        "must be a file name without folders");
    filters = List.copyOf(Check.required(filters, "filters"));
    Check.that(filters.size() <= 20, "filters", "must have at most 20 entries");
  }
}

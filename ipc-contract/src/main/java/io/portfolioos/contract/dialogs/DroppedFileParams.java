package io.portfolioos.contract.dialogs;

import io.portfolioos.contract.Check;

/**
 * @param name the dropped file's name as the page sees it (a browser never shows the page a path)
 */
public record DroppedFileParams(String name) {
  public DroppedFileParams {
    Check.notBlank(name, "name");
    Check.that(name.length() <= 255, "name", "must be at most 255 characters");
  }
}

package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;
import io.portfolioos.contract.InvalidParamsException;
import java.net.URI;

final class LlmUrls {
  private LlmUrls() {}

  static void check(String url, String field) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidParamsException(field, "is not a URL");
    }
    Check.that(
        ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null,
        field,
        "must be an http:// or https:// address");
  }
}

package io.portfolioos.contract.settings;

import io.portfolioos.contract.Check;
import io.portfolioos.contract.InvalidParamsException;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Changes to one data source; an absent field keeps its stored value.
 *
 * @param baseUrl an absolute http(s) URL without query or fragment
 * @param rateLimitPerMinute 1 to 10000
 */
public record DataSourceUpdate(
    String id,
    @Nullable String baseUrl,
    @Nullable Integer rateLimitPerMinute,
    @Nullable Boolean enabled) {
  public static final int MAX_RATE_LIMIT = 10_000;

  public DataSourceUpdate {
    Check.notBlank(id, "id");
    Check.that(id.length() <= 64, "id", "must be at most 64 characters");
    if (baseUrl != null) {
      checkUrl(baseUrl);
    }
    if (rateLimitPerMinute != null) {
      Check.range(rateLimitPerMinute, 1, MAX_RATE_LIMIT, "rateLimitPerMinute");
    }
  }

  private static void checkUrl(String url) {
    Check.that(url.length() <= 2048, "baseUrl", "must be at most 2048 characters");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidParamsException("baseUrl", "is not a valid URL");
    }
    String scheme = uri.getScheme();
    Check.that(
        "http".equals(scheme) || "https".equals(scheme),
        "baseUrl",
        "must start with http:// or https://");
    Check.that(uri.getHost() != null && !uri.getHost().isBlank(), "baseUrl", "must name a host");
    Check.that(
        uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null,
        "baseUrl",
        "must not carry a query, fragment or credentials");
  }
}

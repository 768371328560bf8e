package io.portfolioos.contract.market;

import io.portfolioos.contract.Check;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * One data source as the shell's data-source settings describe it.
 *
 * @param baseUrl e.g. {@code https://query2.finance.yahoo.com} or {@code
 *     https://api.stlouisfed.org}
 * @param ratePerSecond the most requests per second the sidecar sends to it
 * @param cookieUrl Yahoo only: where the cookie of the cookie/crumb handshake comes from (default
 *     {@code https://fc.yahoo.com})
 */
public record MarketSource(
    String name,
    SourceKind kind,
    String baseUrl,
    double ratePerSecond,
    boolean enabled,
    @Nullable String cookieUrl) {
  public MarketSource {
    Check.notBlank(name, "name");
    Check.required(kind, "kind");
    Check.that(isHttpUrl(baseUrl), "baseUrl", "must be an http(s) URL");
    Check.range(ratePerSecond, 0.01, 10_000, "ratePerSecond");
    Check.that(cookieUrl == null || isHttpUrl(cookieUrl), "cookieUrl", "must be an http(s) URL");
  }

  private static boolean isHttpUrl(@Nullable String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}

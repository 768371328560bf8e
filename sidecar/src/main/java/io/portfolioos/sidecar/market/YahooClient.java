package io.portfolioos.sidecar.market;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.market.MarketSource;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Yahoo Finance's chart API: {@code GET
 * /v8/finance/chart/{symbol}?period1&period2&interval=1d&events=div,splits}. When Yahoo answers 401
 * or 403 (it wants a crumb), does what browsers do once per client: fetch a cookie from the cookie
 * URL, ask {@code /v1/test/getcrumb} for the crumb that goes with it, and repeat the request with
 * {@code &crumb=}.
 */
final class YahooClient {
  private final HttpFetcher http;
  private final MarketSource source;
  private final RateLimiter limiter;
  private volatile @Nullable String crumb;

  YahooClient(HttpFetcher http, MarketSource source) {
    this.http = http;
    this.source = source;
    this.limiter = new RateLimiter(source.ratePerSecond());
  }

  Chart chart(String symbol, DateRange range, RequestContext ctx, AtomicInteger sent)
      throws FetchException, NotFoundException, InterruptedException {
    HttpFetcher.Reply reply = http.get(uri(symbol, range), limiter, ctx, sent, symbol);
    if (reply.status() == 401 || reply.status() == 403) {
      handshake(ctx);
      reply = http.get(uri(symbol, range), limiter, ctx, sent, symbol);
    }
    try {
      JsonNode root = ChartParser.tree(reply.body());
      ChartParser.ChartError error = ChartParser.error(root);
      if (reply.status() == 404 || (error != null && "Not Found".equals(error.code()))) {
        throw new NotFoundException(
            error == null || error.description().isBlank()
                ? "Yahoo does not know " + symbol
                : error.description());
      }
      if (reply.status() != 200 || error != null) {
        throw new FetchException(
            symbol
                + ": HTTP "
                + reply.status()
                + (error == null ? "" : " " + error.code() + ": " + error.description()));
      }
      return ChartParser.parse(root, range);
    } catch (ChartParser.MalformedException e) {
      if (reply.status() == 404) {
        throw new NotFoundException("Yahoo does not know " + symbol);
      }
      throw new FetchException(symbol + ": " + e.getMessage());
    }
  }

  private URI uri(String symbol, DateRange range) {
    StringBuilder sb = new StringBuilder(source.baseUrl().replaceAll("/+$", ""));
    sb.append("/v8/finance/chart/")
        .append(URLEncoder.encode(symbol, StandardCharsets.UTF_8))
        .append("?period1=")
        .append(epoch(range.from()))
        .append("&period2=")
        .append(epoch(range.to().plusDays(1)))
        .append("&interval=1d&events=div%2Csplits&includeAdjustedClose=true");
    String c = crumb;
    if (c != null) {
      sb.append("&crumb=").append(URLEncoder.encode(c, StandardCharsets.UTF_8));
    }
    return URI.create(sb.toString());
  }

  private static long epoch(LocalDate day) {
    return day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }

  /** One handshake at a time; a fetcher that waited finds the crumb already there. */
  private synchronized void handshake(RequestContext ctx)
      throws FetchException, InterruptedException {
    String before = crumb;
    AtomicInteger ignored = new AtomicInteger();
    String cookieUrl = source.cookieUrl() == null ? "https://fc.yahoo.com" : source.cookieUrl();
    // fc.yahoo.com answers 404 but sets the session cookie, which the client's CookieManager keeps.
    http.get(URI.create(cookieUrl), limiter, ctx, ignored, "Yahoo cookie");
    HttpFetcher.Reply reply =
        http.get(
            URI.create(source.baseUrl().replaceAll("/+$", "") + "/v1/test/getcrumb"),
            limiter,
            ctx,
            ignored,
            "Yahoo crumb");
    String body = reply.body().trim();
    if (reply.status() != 200 || body.isEmpty() || body.startsWith("{") || body.length() > 64) {
      crumb = before;
      throw new FetchException(
          "Yahoo asked for a crumb and the handshake failed (HTTP " + reply.status() + ")");
    }
    crumb = body;
  }
}

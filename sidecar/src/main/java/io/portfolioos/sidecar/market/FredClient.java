package io.portfolioos.sidecar.market;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.market.MarketSource;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * FRED's observations API: {@code GET
 * /fred/series/observations?series_id&api_key&file_type=json&observation_start&observation_end}.
 * The answer (abridged):
 *
 * <pre>{@code
 * {"realtime_start":"2024-01-05","observation_start":"2020-01-01","units":"lin","count":2,
 *  "observations":[{"realtime_start":"2024-01-05","realtime_end":"2024-01-05",
 *                   "date":"2020-01-01","value":"259.127"},
 *                  {"date":"2020-02-01","value":"."}]}
 * }</pre>
 *
 * A value of {@code "."} means no observation. Errors come as {@code
 * {"error_code":400,"error_message":"Bad Request. The series does not exist."}}. The key lives in
 * the URL for this request only and is scrubbed from every message.
 */
final class FredClient {
  record Observation(LocalDate date, @Nullable BigDecimal value) {}

  private final HttpFetcher http;
  private final MarketSource source;
  private final RateLimiter limiter;

  FredClient(HttpFetcher http, MarketSource source) {
    this.http = http;
    this.source = source;
    this.limiter = new RateLimiter(source.ratePerSecond());
  }

  List<Observation> observations(
      String seriesId, DateRange range, String apiKey, RequestContext ctx, AtomicInteger sent)
      throws FetchException, NotFoundException, InterruptedException {
    URI uri =
        URI.create(
            source.baseUrl().replaceAll("/+$", "")
                + "/fred/series/observations?series_id="
                + URLEncoder.encode(seriesId, StandardCharsets.UTF_8)
                + "&api_key="
                + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)
                + "&file_type=json&observation_start="
                + range.from()
                + "&observation_end="
                + range.to());
    HttpFetcher.Reply reply;
    try {
      reply = http.get(uri, limiter, ctx, sent, seriesId);
    } catch (FetchException e) {
      throw new FetchException(scrub(e.getMessage(), apiKey));
    }
    JsonNode root;
    try {
      root = ChartParser.tree(reply.body());
    } catch (ChartParser.MalformedException e) {
      throw new FetchException(seriesId + ": HTTP " + reply.status() + ", " + e.getMessage());
    }
    String error = scrub(root.path("error_message").asText(""), apiKey);
    if (reply.status() != 200 || !error.isEmpty()) {
      if (error.contains("does not exist")) {
        throw new NotFoundException(error);
      }
      if (error.contains("api_key")) {
        throw new FetchException(seriesId + ": FRED rejected the API key (" + error + ")");
      }
      throw new FetchException(
          seriesId + ": HTTP " + reply.status() + (error.isEmpty() ? "" : ", " + error));
    }
    JsonNode obs = root.path("observations");
    if (!obs.isArray()) {
      throw new FetchException(seriesId + ": no observations in the response");
    }
    List<Observation> out = new ArrayList<>(obs.size());
    for (JsonNode o : obs) {
      try {
        LocalDate date = LocalDate.parse(o.path("date").asText());
        String v = o.path("value").asText(".");
        out.add(new Observation(date, ".".equals(v) ? null : new BigDecimal(v)));
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new FetchException(seriesId + ": unreadable observation " + o);
      }
    }
    return out;
  }

  private static String scrub(@Nullable String message, String apiKey) {
    if (message == null) {
      return "";
    }
    return apiKey.isEmpty() ? message : message.replace(apiKey, "***");
  }
}

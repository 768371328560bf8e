package io.portfolioos.sidecar.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Yahoo's {@code /v8/finance/chart} JSON. The shape (abridged):
 *
 * <pre>{@code
 * {"chart":{"result":[{"meta":{"currency":"USD","symbol":"AAPL","gmtoffset":-18000,...},
 *   "timestamp":[1609770600,...],
 *   "events":{"dividends":{"1612535400":{"amount":0.205,"date":1612535400}},
 *             "splits":{"1598880600":{"date":1598880600,"numerator":4,"denominator":1,
 *                                     "splitRatio":"4:1"}}},
 *   "indicators":{"quote":[{"open":[...],"high":[...],"low":[...],"close":[...],"volume":[...]}],
 *                 "adjclose":[{"adjclose":[...]}]}}],
 *  "error":null}}
 * }</pre>
 *
 * Timestamps are the session open in exchange time; adding {@code gmtoffset} gives the trading day.
 * A day Yahoo sends as {@code null} in every array (a halt, a half-filled row) is skipped.
 */
final class ChartParser {
  private ChartParser() {}

  // Ten years of bars are ~12,500 decimal numbers a symbol; the JDK's double parsing was the
  // sync's largest CPU cost, and the fast parser rounds identically (correctly rounded both).
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  /** Thrown for a body that is not a chart response (malformed or cut short). */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /** The {@code chart.error} object of an error body, e.g. Yahoo's 404 for an unknown symbol. */
  record ChartError(String code, String description) {}

  static JsonNode tree(String body) throws MalformedException {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedException("malformed JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** The error a chart or finance error body carries, if any. */
  static @Nullable ChartError error(JsonNode root) {
    JsonNode err = root.path("chart").path("error");
    if (err.isMissingNode() || err.isNull()) {
      err = root.path("finance").path("error");
    }
    if (err.isMissingNode() || err.isNull()) {
      return null;
    }
    return new ChartError(err.path("code").asText(""), err.path("description").asText(""));
  }

  /** Parses a successful response, keeping only days within {@code range}. */
  static Chart parse(JsonNode root, DateRange range) throws MalformedException {
    JsonNode result = root.path("chart").path("result");
    if (!result.isArray() || result.isEmpty()) {
      throw new MalformedException("no chart.result in the response");
    }
    JsonNode r = result.get(0);
    JsonNode meta = r.path("meta");
    String currency = meta.path("currency").isTextual() ? meta.path("currency").asText() : null;
    String type =
        meta.path("instrumentType").isTextual() ? meta.path("instrumentType").asText() : null;
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(meta.path("gmtoffset").asInt(0));
    JsonNode ts = r.path("timestamp");
    JsonNode quote = r.path("indicators").path("quote").path(0);
    JsonNode adj = r.path("indicators").path("adjclose").path(0).path("adjclose");
    int n = ts.isArray() ? ts.size() : 0;
    if (n > 0 && !quote.path("close").isArray()) {
      throw new MalformedException("timestamps without indicators.quote");
    }
    List<LocalDate> dates = new ArrayList<>(n);
    long[] open = new long[n];
    long[] high = new long[n];
    long[] low = new long[n];
    long[] close = new long[n];
    long[] adjClose = new long[n];
    long[] volume = new long[n];
    int kept = 0;
    LocalDate previous = null;
    for (int i = 0; i < n; i++) {
      LocalDate day = day(ts.get(i).asLong(), offset);
      long c = micros(quote.path("close").path(i));
      if (c == Chart.NONE || !range.contains(day) || day.equals(previous)) {
        continue;
      }
      dates.add(day);
      previous = day;
      open[kept] = micros(quote.path("open").path(i));
      high[kept] = micros(quote.path("high").path(i));
      low[kept] = micros(quote.path("low").path(i));
      close[kept] = c;
      adjClose[kept] = micros(adj.path(i));
      JsonNode v = quote.path("volume").path(i);
      volume[kept] = v.isNumber() ? v.asLong() : Chart.NONE;
      kept++;
    }
    return new Chart(
        currency,
        type,
        List.copyOf(dates),
        java.util.Arrays.copyOf(open, kept),
        java.util.Arrays.copyOf(high, kept),
        java.util.Arrays.copyOf(low, kept),
        java.util.Arrays.copyOf(close, kept),
        java.util.Arrays.copyOf(adjClose, kept),
        java.util.Arrays.copyOf(volume, kept),
        events(r.path("events").path("dividends"), offset, range, false),
        events(r.path("events").path("splits"), offset, range, true));
  }

  private static List<Chart.Event> events(
      JsonNode map, ZoneOffset offset, DateRange range, boolean split) throws MalformedException {
    List<Chart.Event> out = new ArrayList<>();
    for (Iterator<JsonNode> it = map.elements(); it.hasNext(); ) {
      JsonNode e = it.next();
      LocalDate day = day(e.path("date").asLong(), offset);
      if (!range.contains(day)) {
        continue;
      }
      long amount = micros(split ? e.path("numerator") : e.path("amount"));
      long ratio = split ? micros(e.path("denominator")) : 0;
      if (amount == Chart.NONE || (split && (ratio == Chart.NONE || ratio == 0))) {
        throw new MalformedException("event on " + day + " without its amount");
      }
      out.add(new Chart.Event(day, amount, ratio));
    }
    out.sort(Comparator.comparing(Chart.Event::date));
    return List.copyOf(out);
  }

  private static LocalDate day(long epochSeconds, ZoneOffset offset) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(epochSeconds), offset);
  }

  /** A JSON number as micro-units; {@link Chart#NONE} for null or missing. */
  static long micros(JsonNode v) {
    if (!v.isNumber()) {
      return Chart.NONE;
    }
    return Math.round(v.asDouble() * 1_000_000d);
  }
}

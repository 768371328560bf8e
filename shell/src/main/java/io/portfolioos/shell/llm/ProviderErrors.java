package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.wire.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a provider answered (or failed to) into an error a user can act on. Messages quote the
 * provider but never a key: the key itself and anything shaped like one is masked first, because
 * some providers echo part of a rejected key.
 */
final class ProviderErrors {
  private ProviderErrors() {}

  private static final Pattern KEY_SHAPED =
      Pattern.compile("\\b(sk|pk|key|or)-[A-Za-z0-9_*.\\-]{6,}", Pattern.CASE_INSENSITIVE);

  static String scrub(String text, @Nullable String key) {
    String s = key == null || key.isEmpty() ? text : text.replace(key, "[key]");
    return KEY_SHAPED.matcher(s).replaceAll("[key]");
  }

  /** The provider could not be reached at all. */
  static RpcException unreachable(Provider p, IOException e) {
    if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
      String what =
          switch (p.kind()) {
            case lmStudio ->
                "LM Studio is not running at "
                    + p.baseUrl()
                    + ". Start LM Studio, load a model and start its server, or pick another"
                    + " provider.";
            case ollama ->
                "Ollama is not running at "
                    + p.baseUrl()
                    + ". Start it (ollama serve), or pick another provider.";
            default ->
                p.name()
                    + " is not reachable at "
                    + p.baseUrl()
                    + ". Check the address and your connection, or pick another provider.";
          };
      return new RpcException(ErrorCode.UPSTREAM, what);
    }
    return new RpcException(
        ErrorCode.UPSTREAM,
        p.name() + " broke off the connection (" + e.getClass().getSimpleName() + ")");
  }

  /** A non-2xx answer, with its body's message when the provider sent one. */
  static RpcException http(
      Provider p, int status, HttpHeaders headers, String body, @Nullable String key) {
    String detail = scrub(detail(body), key);
    String quoted = detail.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + detail;
    if (status == 401 || status == 403) {
      String keyHint =
          p.keyName() == null
              ? "This provider has no API key set: add one in Settings."
              : "Check the API key stored as \"" + p.keyName() + "\" in Settings.";
      return new RpcException(
          ErrorCode.UNAUTHORIZED, p.name() + " rejected the request (" + quoted + "). " + keyHint);
    }
    if (status == 429) {
      Duration wait = retryAfter(headers);
      String when =
          wait == null
              ? "Wait a little and try again."
              : "Try again in " + Math.max(1, wait.toSeconds()) + " s.";
      return new RpcException(
          ErrorCode.OVERLOADED, p.name() + " is rate-limiting requests (" + quoted + "). " + when);
    }
    if (contextTooLong(body)) {
      return new RpcException(
          ErrorCode.UPSTREAM,
          "The conversation is too long for this model's context window ("
              + quoted
              + "). Start a new conversation or pick a model with a larger context.");
    }
    if (status == 404) {
      return new RpcException(
          ErrorCode.NOT_FOUND,
          p.name()
              + " does not know this model or address ("
              + quoted
              + "). Pick a model from the list.");
    }
    if (status == 529 || status == 503) {
      return new RpcException(
          ErrorCode.OVERLOADED, p.name() + " is overloaded (" + quoted + "). Try again shortly.");
    }
    return new RpcException(
        ErrorCode.UPSTREAM, p.name() + " answered with an error (" + quoted + ")");
  }

  /** An error the provider sent inside a stream that had started well. */
  static RpcException inStream(Provider p, String body, @Nullable String key) {
    String detail = scrub(detail(body), key);
    if (contextTooLong(body)) {
      return new RpcException(
          ErrorCode.UPSTREAM,
          "The conversation is too long for this model's context window ("
              + detail
              + "). Start a new conversation or pick a model with a larger context.");
    }
    ErrorCode code =
        body.contains("overloaded") || body.contains("rate_limit")
            ? ErrorCode.OVERLOADED
            : ErrorCode.UPSTREAM;
    return new RpcException(code, p.name() + " stopped with an error: " + detail);
  }

  /**
   * The message inside the usual error bodies: OpenAI {@code {"error":{"message"}}}, Anthropic
   * {@code {"type":"error","error":{"type","message"}}}, Ollama {@code {"error":"…"}}.
   */
  static String detail(String body) {
    try {
      JsonNode n = Json.MAPPER.readTree(body);
      JsonNode error = n.path("error");
      if (error.isTextual()) {
        return clip(error.asText());
      }
      if (error.path("message").isTextual()) {
        return clip(error.path("message").asText());
      }
      if (n.path("message").isTextual()) {
        return clip(n.path("message").asText());
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: quote the start of the text instead.
    }
    return clip(body.strip());
  }

  private static String clip(String s) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 299) + "…" : flat;
  }

  static boolean contextTooLong(String body) {
    String b = body.toLowerCase(Locale.ROOT);
    return b.contains("context_length_exceeded")
        || b.contains("context length")
        || b.contains("context window")
        || b.contains("prompt is too long")
        || b.contains("maximum context");
  }

  /** {@code Retry-After} as seconds or an HTTP date; OpenAI's reset header as a fallback. */
  static @Nullable Duration retryAfter(HttpHeaders headers) {
    String v = headers.firstValue("retry-after").orElse(null);
    if (v != null) {
      try {
        return Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000));
      } catch (NumberFormatException e) {
        try {
          Instant at =
              ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          Duration d = Duration.between(Instant.now(), at);
          return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException ignored) {
          return null;
        }
      }
    }
    String reset = headers.firstValue("x-ratelimit-reset-requests").orElse(null);
    if (reset != null && reset.matches("\\d+(\\.\\d+)?s")) {
      return Duration.ofMillis((long) (Double.parseDouble(reset.replace("s", "")) * 1000));
    }
    return null;
  }
}

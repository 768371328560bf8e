package io.portfolioos.sidecar.market;

import io.portfolioos.sidecar.rpc.RequestContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * GETs through the one shared {@link HttpClient}: rate-limited per source, retried with exponential
 * backoff and jitter on 429, 5xx, timeouts and broken connections (a truncated body is one),
 * honouring {@code Retry-After}. Other statuses go back to the caller, which knows what a 404 means
 * for its source.
 */
final class HttpFetcher {
  /** How hard to try; tests shorten the waits. */
  record Retry(int maxAttempts, Duration baseBackoff, Duration maxWait, Duration timeout) {
    static final Retry DEFAULT =
        new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  record Reply(int status, String body) {}

  private static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) PortfolioOS/" + io.portfolioos.contract.Contract.VERSION;

  private final Supplier<HttpClient> client;
  private final Retry retry;

  /**
   * @param client built on first use: building one sets up TLS, which would otherwise cost the
   *     sidecar's cold start a few hundred milliseconds before its first answer
   */
  HttpFetcher(Supplier<HttpClient> client, Retry retry) {
    this.client = client;
    this.retry = retry;
  }

  /**
   * Sends GET {@code uri} until it gets an answer worth returning; counts each request sent in
   * {@code sent}.
   *
   * @param what names the target in failure reasons (never the URL: it may carry a key)
   */
  Reply get(URI uri, RateLimiter limiter, RequestContext ctx, AtomicInteger sent, String what)
      throws FetchException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(retry.timeout())
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json")
            .GET()
            .build();
    String lastProblem = "no attempt";
    for (int attempt = 1; ; attempt++) {
      ctx.checkCancelled();
      limiter.acquire(ctx);
      sent.incrementAndGet();
      Duration wait;
      try {
        HttpResponse<String> response =
            client.get().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status != 429 && status < 500) {
          return new Reply(status, response.body());
        }
        lastProblem = "HTTP " + status;
        wait = retryAfter(response).orElse(backoff(attempt));
      } catch (HttpTimeoutException e) {
        lastProblem = "timed out after " + retry.timeout().toSeconds() + " s";
        wait = backoff(attempt);
      } catch (IOException e) {
        lastProblem = "connection failed (" + describe(e) + ")";
        wait = backoff(attempt);
      }
      if (attempt >= retry.maxAttempts()) {
        throw new FetchException(what + ": " + lastProblem + " after " + attempt + " attempts");
      }
      Pause.nanos(Math.min(wait.toNanos(), retry.maxWait().toNanos()), ctx);
    }
  }

  private Duration backoff(int attempt) {
    long base = retry.baseBackoff().toMillis() << Math.min(attempt - 1, 10);
    return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  /** {@code Retry-After} as delay-seconds or an HTTP date, per RFC 9110 §10.2.3. */
  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              String value = v.trim();
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
              } catch (NumberFormatException notSeconds) {
                try {
                  ZonedDateTime at =
                      ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                  Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                  return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notDate) {
                  return Optional.empty();
                }
              }
            });
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}

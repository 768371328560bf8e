package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.wire.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP calls to a provider: a streaming POST whose body is read line by line, and a plain GET.
 * A non-2xx status becomes an actionable error; the key is only ever put in a header.
 */
final class ProviderHttp {
  private final Supplier<HttpClient> newClient;
  private final Duration firstByteTimeout;
  private volatile @Nullable HttpClient http;

  /**
   * {@code newClient} is called on the first request, not here: building an HttpClient sets up TLS
   * (the trust store, the security providers), a few hundred milliseconds that the app's start
   * should not spend for an assistant that may never be asked.
   */
  ProviderHttp(Supplier<HttpClient> newClient, Duration firstByteTimeout) {
    this.newClient = newClient;
    this.firstByteTimeout = firstByteTimeout;
  }

  private HttpClient http() {
    HttpClient h = http;
    if (h != null) {
      return h;
    }
    synchronized (this) {
      if (http == null) {
        http = newClient.get();
      }
      return Objects.requireNonNull(http);
    }
  }

  /** POSTs {@code body} and returns the open response body; the caller reads and closes it. */
  BufferedReader stream(
      Provider p,
      String path,
      Map<String, String> headers,
      JsonNode body,
      @Nullable String key,
      Cancellation cancel)
      throws IOException, InterruptedException {
    cancel.check();
    HttpRequest.Builder req =
        HttpRequest.newBuilder(uri(p, path))
            .timeout(firstByteTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
    headers.forEach(req::header);
    HttpResponse<InputStream> response;
    try {
      response = http().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      cancel.check();
      throw ProviderErrors.unreachable(p, e);
    }
    InputStream in = response.body();
    if (response.statusCode() / 100 != 2) {
      String text;
      try (in) {
        text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      throw ProviderErrors.http(p, response.statusCode(), response.headers(), text, key);
    }
    cancel.attach(in);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** GETs {@code path} and parses the JSON answer. */
  JsonNode get(Provider p, String path, Map<String, String> headers, @Nullable String key)
      throws InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(uri(p, path)).timeout(firstByteTimeout).GET();
    headers.forEach(req::header);
    HttpResponse<String> response;
    try {
      response = http().send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ProviderErrors.unreachable(p, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw ProviderErrors.http(p, response.statusCode(), response.headers(), response.body(), key);
    }
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw ProviderErrors.http(p, 502, response.headers(), "answer is not JSON", key);
    }
  }

  private static URI uri(Provider p, String path) {
    String base =
        p.baseUrl().endsWith("/")
            ? p.baseUrl().substring(0, p.baseUrl().length() - 1)
            : p.baseUrl();
    return URI.create(base + path);
  }
}

package io.portfolioos.shell.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The desktop window's UI files on 127.0.0.1: only the built page, none of {@link WebServer}'s HTTP
 * API (the window talks through {@code cefQuery}). It is the JDK's own HTTP server rather than
 * Javalin because the window waits for it: it listens in milliseconds, where loading Jetty took
 * seconds of a cold start. The same CSP, Host and Origin rules as {@link WebServer} apply.
 *
 * <p>The build names every asset after its content hash, so assets may be cached for good while the
 * window runs; {@code index.html} is revalidated each time. A later start does not find them in
 * Chromium's cache: the port, and with it every URL, is new at each start.
 */
public final class WindowPages implements AutoCloseable {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "woff2", "font/woff2",
          "json", "application/json",
          "map", "application/json");

  private static final byte[] NOT_BUILT =
      ("<!doctype html><title>PortfolioOS</title><p>The UI was not built (the build ran with"
              + " -Dskip.npm). Run ./mvnw package.</p>")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  /** Files read once and kept: the page is a few hundred kB and never changes while running. */
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  private WindowPages(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free port of 127.0.0.1. */
  public static WindowPages start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WindowPages pages = new WindowPages(server);
    server.createContext("/", pages::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return pages;
  }

  public URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Headers out = ex.getResponseHeaders();
      out.set("Content-Security-Policy", WebServer.CSP);
      out.set("X-Content-Type-Options", "nosniff");
      out.set("Referrer-Policy", "no-referrer");
      out.set("X-Frame-Options", "DENY");
      int port = server.getAddress().getPort();
      Headers in = ex.getRequestHeaders();
      if (!WebServer.sameHost(in.getFirst("Host"), port)
          || !WebServer.sameOrigin(in.getFirst("Origin"), port)) {
        ex.sendResponseHeaders(403, -1);
        return;
      }
      String method = ex.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        out.set("Allow", "GET, HEAD");
        ex.sendResponseHeaders(405, -1);
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (path == null || path.isEmpty() || path.equals("/")) {
        path = "/index.html";
      }
      byte[] body = path.contains("..") ? null : file(path);
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      out.set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
      out.set(
          "Cache-Control",
          path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      if ("HEAD".equals(method)) {
        ex.sendResponseHeaders(200, -1);
        return;
      }
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    }
  }

  private byte @Nullable [] file(String path) throws IOException {
    byte[] cached = files.get(path);
    if (cached != null) {
      return cached;
    }
    try (InputStream in = WindowPages.class.getResourceAsStream("/web" + path)) {
      if (in == null) {
        return path.equals("/index.html") ? NOT_BUILT : null;
      }
      byte[] body = in.readAllBytes();
      files.put(path, body);
      return body;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

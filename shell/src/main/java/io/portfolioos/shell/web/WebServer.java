package io.portfolioos.shell.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.dialogs.BrowserDownloads;
import io.portfolioos.shell.ipc.EventHub;
import io.portfolioos.shell.ipc.IpcRouter;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Browser mode: the UI and its IPC over HTTP on 127.0.0.1 only. Every {@code /api} call needs the
 * per-launch bearer token; every request must name our own Host (no DNS rebinding) and, when it has
 * an Origin, our own origin (no cross-site calls); every response carries a strict CSP.
 */
public final class WebServer implements AutoCloseable {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  private final Javalin app;
  private final String token;

  private WebServer(Javalin app, String token) {
    this.app = app;
    this.token = token;
  }

  /**
   * Starts on 127.0.0.1 at {@code port} (0 picks a free one). Files the user drops on the page in
   * browser mode are uploaded into {@code uploads} (the window reads local paths directly); files
   * exports wrote where {@code downloads} told them are served back as downloads.
   */
  public static WebServer start(
      IpcRouter router, EventHub events, int port, Path uploads, BrowserDownloads downloads) {
    String token = newToken();
    byte[] tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = port;
              config.concurrency.useVirtualThreads = true;
              config.http.maxRequestSize = 64L << 20;
              if (WebServer.class.getResource("/web/index.html") != null) {
                config.staticFiles.add(
                    s -> {
                      s.hostedPath = "/";
                      s.directory = "/web";
                      s.location = Location.CLASSPATH;
                    });
              } else {
                config.routes.get(
                    "/",
                    ctx ->
                        ctx.html(
                            "<!doctype html><title>PortfolioOS</title><p>The UI was not built"
                                + " (the build ran with -Dskip.npm). Run ./mvnw package.</p>"));
              }
              config.routes.before(
                  ctx -> {
                    ctx.header("Content-Security-Policy", CSP);
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("Referrer-Policy", "no-referrer");
                    ctx.header("X-Frame-Options", "DENY");
                    int actualPort = ctx.port();
                    if (!sameHost(ctx.header("Host"), actualPort)
                        || !sameOrigin(ctx.header("Origin"), actualPort)) {
                      deny(ctx, 403, ErrorCode.FORBIDDEN, "foreign Host or Origin");
                      return;
                    }
                    if (ctx.path().startsWith("/api/") && !authorized(ctx, tokenBytes)) {
                      deny(ctx, 401, ErrorCode.UNAUTHORIZED, "missing or wrong token");
                    }
                  });
              config.routes.post(
                  "/api/ipc/{method}",
                  ctx -> {
                    JsonNode params;
                    try {
                      String body = ctx.body();
                      params = body.isBlank() ? null : Json.MAPPER.readTree(body);
                    } catch (JacksonException e) {
                      json(
                          ctx,
                          IpcRouter.error(ErrorCode.PARSE_ERROR, "body is not valid JSON", null));
                      return;
                    }
                    String requestId = ctx.header("X-Request-Id");
                    ctx.future(
                        () ->
                            router
                                .route(
                                    ctx.pathParam("method"),
                                    params,
                                    requestId,
                                    requestId == null
                                        ? null
                                        : p ->
                                            events.progress(
                                                requestId,
                                                p.done(),
                                                p.total(),
                                                p.message() == null ? "" : p.message()))
                                .thenAccept(result -> json(ctx, result)));
                  });
              config.routes.post(
                  "/api/upload",
                  ctx -> {
                    UploadedFile file = ctx.uploadedFile("file");
                    if (file == null) {
                      ctx.status(400);
                      json(
                          ctx,
                          IpcRouter.error(ErrorCode.INVALID_PARAMS, "file: is required", "file"));
                      return;
                    }
                    Files.createDirectories(uploads);
                    String safe = file.filename().replaceAll("[^A-Za-z0-9._-]", "_");
                    Path target = uploads.resolve(UUID.randomUUID() + "-" + safe);
                    try (InputStream in = file.content()) {
                      Files.copy(in, target);
                    }
                    ObjectNode ok = Json.MAPPER.createObjectNode().put("ok", true);
                    ok.putObject("data").put("path", target.toString());
                    json(ctx, ok);
                  });
              config.routes.get(
                  "/downloads/{id}/{name}",
                  ctx -> {
                    Path file = downloads.written(ctx.pathParam("id")).orElse(null);
                    if (file == null) {
                      ctx.status(404);
                      json(ctx, IpcRouter.error(ErrorCode.NOT_FOUND, "no such download", null));
                      return;
                    }
                    String name =
                        URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
                            .replace("+", "%20");
                    ctx.header("Content-Disposition", "attachment; filename*=UTF-8''" + name);
                    ctx.header("Cache-Control", "no-store");
                    ctx.contentType("application/octet-stream");
                    ctx.result(Files.newInputStream(file));
                  });
              config.routes.post(
                  "/api/ipc-cancel/{requestId}",
                  ctx -> {
                    boolean cancelled = router.cancel(ctx.pathParam("requestId"));
                    ctx.contentType("application/json")
                        .result("{\"ok\":true,\"data\":{\"cancelled\":" + cancelled + "}}");
                  });
              config.routes.sse(
                  "/api/events",
                  client -> {
                    client.keepAlive();
                    Runnable unsubscribe =
                        events.subscribe((event, data) -> client.sendEvent(event, data));
                    client.onClose(unsubscribe);
                  });
            });
    app.start();
    return new WebServer(app, token);
  }

  public int port() {
    return app.port();
  }

  public String token() {
    return token;
  }

  /** The one URL a user opens; the page moves the token out of the address bar at once. */
  public String url() {
    return "http://127.0.0.1:" + port() + "/?token=" + token;
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void json(Context ctx, JsonNode body) {
    ctx.contentType("application/json").result(body.toString());
  }

  private static void deny(Context ctx, int status, ErrorCode code, String message) {
    ctx.status(status);
    json(ctx, IpcRouter.error(code, message, null));
    ctx.skipRemainingHandlers();
  }

  private static boolean authorized(Context ctx, byte[] token) {
    String header = ctx.header("Authorization");
    String presented =
        header != null && header.startsWith("Bearer ")
            ? header.substring(7)
            : ctx.path().equals("/api/events") ? ctx.queryParam("token") : null;
    return presented != null
        && MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), token);
  }

  static boolean sameHost(@Nullable String host, int port) {
    return host != null && Set.of("127.0.0.1:" + port, "localhost:" + port).contains(host);
  }

  static boolean sameOrigin(@Nullable String origin, int port) {
    if (origin == null) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      return "http".equals(uri.getScheme())
          && uri.getPort() == port
          && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

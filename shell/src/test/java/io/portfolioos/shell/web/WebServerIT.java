package io.portfolioos.shell.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.app.ShellApp;
import io.portfolioos.shell.dialogs.BrowserDownloads;
import io.portfolioos.shell.dialogs.SaveDialog;
import io.portfolioos.shell.sidecar.SidecarSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser mode over real HTTP, with the real sidecar behind it. */
class WebServerIT {
  @TempDir static Path dataDir;
  static ShellApp app;
  static WebServer web;
  static BrowserDownloads downloads;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    app =
        new ShellApp(
            dataDir,
            SidecarSettings.defaults(
                Path.of(System.getProperty("sidecar.jar")), dataDir, List.of()));
    app.start();
    downloads = BrowserDownloads.create(dataDir.resolve("downloads"));
    SaveDialog.serve(app.router(), downloads);
    web = WebServer.start(app.router(), app.events(), 0, dataDir.resolve("uploads"), downloads);
    assertThat(app.awaitRunning(20_000)).isTrue();
  }

  @AfterAll
  static void stop() throws Exception {
    web.close();
    app.close();
    downloads.close();
    assertThat(dataDir.resolve("downloads")).isEmptyDirectory();
  }

  private static HttpRequest.Builder ipc(String method, String body) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + web.port() + "/api/ipc/" + method))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCallWithTheTokenReachesTheSidecar() throws Exception {
    HttpResponse<String> r =
        send(
            ipc("system.ping", "{\"echo\":\"hi\"}")
                .header("Authorization", "Bearer " + web.token()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"ok\":true").contains("\"echo\":\"hi\"");
  }

  @Test
  void systemInfoHasBothProcesses() throws Exception {
    HttpResponse<String> r =
        send(ipc("system.info", "").header("Authorization", "Bearer " + web.token()));
    assertThat(r.body())
        .contains("\"sidecarState\":\"RUNNING\"")
        .contains("\"duckdbVersion\"")
        .contains("\"dataDir\":\"" + dataDir);
  }

  @Test
  void badParamsNameTheFieldAndCarryNoStackTrace() throws Exception {
    HttpResponse<String> r =
        send(ipc("system.ping", "{\"echo\":5}").header("Authorization", "Bearer " + web.token()));
    assertThat(r.body())
        .isEqualTo(
            "{\"ok\":false,\"error\":{\"code\":\"INVALID_PARAMS\",\"message\":\"echo: must be a string\",\"field\":\"echo\"}}");
    HttpResponse<String> unknown =
        send(ipc("no.suchMethod", "{}").header("Authorization", "Bearer " + web.token()));
    assertThat(unknown.body())
        .contains("METHOD_NOT_FOUND")
        .doesNotContain("Exception")
        .doesNotContain("at io.");
  }

  @Test
  void aMissingOrWrongTokenIsRefused() throws Exception {
    assertThat(send(ipc("system.ping", "{}")).statusCode()).isEqualTo(401);
    assertThat(send(ipc("system.ping", "{}").header("Authorization", "Bearer nope")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    HttpResponse<String> r =
        send(
            ipc("system.ping", "{}")
                .header("Authorization", "Bearer " + web.token())
                .header("Origin", "http://evil.example"));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void aForeignHostIsRefused() throws Exception {
    // java.net.http forbids setting Host; a raw socket sends exactly what a rebinding page would.
    try (var socket = new java.net.Socket("127.0.0.1", web.port())) {
      String request =
          "POST /api/ipc/system.ping HTTP/1.1\r\nHost: evil.example:"
              + web.port()
              + "\r\nAuthorization: Bearer "
              + web.token()
              + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(response).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void everyPageCarriesAStrictCsp() throws Exception {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/")).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'"));
  }

  @Test
  void anExportSavedInBrowserModeComesBackAsADownload() throws Exception {
    HttpResponse<String> r =
        send(
            ipc(
                    "dialogs.saveFile",
                    "{\"title\":\"Export holdings\",\"suggestedName\":\"holdings 2026\","
                        + "\"filters\":[{\"name\":\"CSV files\",\"extensions\":[\"csv\"]}]}")
                .header("Authorization", "Bearer " + web.token()));
    JsonNode data = Json.MAPPER.readTree(r.body()).get("data");
    Path path = Path.of(data.get("path").asText());
    String url = data.get("downloadUrl").asText();
    assertThat(path.getFileName()).hasToString("holdings 2026.csv");
    assertThat(path).startsWithRaw(dataDir.resolve("downloads"));
    assertThat(url).matches("/downloads/[0-9a-f]{32}/holdings%202026\\.csv");

    HttpRequest.Builder download =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + url)).GET();
    assertThat(send(download).statusCode()).as("not written yet").isEqualTo(404);

    Files.writeString(path, "symbol,quantity\nVTI,10\n");
    HttpResponse<String> file = send(download);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo("symbol,quantity\nVTI,10\n");
    assertThat(file.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename*=UTF-8''holdings%202026.csv");

    HttpRequest.Builder guessed =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + web.port()
                        + "/downloads/00000000000000000000000000000000/holdings%202026.csv"))
            .GET();
    assertThat(send(guessed).statusCode()).isEqualTo(404);
  }

  @Test
  void aSaveDialogRefusesANameWithFolders() throws Exception {
    HttpResponse<String> r =
        send(
            ipc(
                    "dialogs.saveFile",
                    "{\"title\":\"t\",\"suggestedName\":\"../../etc/passwd\",\"filters\":[]}")
                .header("Authorization", "Bearer " + web.token()));
    assertThat(Json.MAPPER.readTree(r.body()).at("/error/field").asText())
        .isEqualTo("suggestedName");
  }
}

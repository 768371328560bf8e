package io.portfolioos.shell.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code portfolioos serve} as a real process, as a user starts it. */
final class ServeProcess implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("PortfolioOS is serving at (http://127\\.0\\.0\\.1:(\\d+)/\\?token=(\\w+))");

  final Process process;
  final String url;
  final int port;
  final String token;

  private ServeProcess(Process process, String url, int port, String token) {
    this.process = process;
    this.url = url;
    this.port = port;
    this.token = token;
  }

  static ServeProcess start(Path dataDir) throws IOException {
    Process p =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElseThrow(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Dportfolioos.sidecar.jar=" + System.getProperty("sidecar.jar"),
                    "-jar",
                    System.getProperty("shell.jar"),
                    "serve",
                    "--data-dir",
                    dataDir.toString()))
            .redirectError(dataDir.resolveSibling(dataDir.getFileName() + "-serve.log").toFile())
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      throw new IllegalStateException("serve printed nothing (exit " + p.exitValue() + ")");
    }
    Matcher m = READY.matcher(line);
    if (!m.matches()) {
      p.destroyForcibly();
      throw new IllegalStateException("unexpected first line from serve: " + line);
    }
    return new ServeProcess(p, m.group(1), Integer.parseInt(m.group(2)), m.group(3));
  }

  String ipc(String method, String body) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ipc/" + method))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}

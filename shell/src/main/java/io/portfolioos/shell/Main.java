package io.portfolioos.shell;

import io.portfolioos.shell.app.ShellApp;
import io.portfolioos.shell.cli.Options;
import io.portfolioos.shell.dialogs.BrowserDownloads;
import io.portfolioos.shell.dialogs.SaveDialog;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.web.WebServer;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code portfolioos [serve] [--data-dir DIR] [--port N] [--dev]}: the desktop app, or with {@code
 * serve} the same app in the user's own browser. stdout carries only the one "serving at" line;
 * everything else goes to stderr.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("portfolioos: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.command() == Options.Command.HELP) {
      System.out.println(Options.USAGE);
      return;
    }
    if (options.command() == Options.Command.DESKTOP) {
      System.err.println(
          "portfolioos: the desktop window is not available in this build; serving in your browser"
              + " instead (same as `portfolioos serve`).");
    }
    serve(options);
  }

  private static void serve(Options options) throws Exception {
    SidecarSettings settings =
        SidecarSettings.defaults(
            options.sidecarJar(), options.dataDir(), options.sidecarJvmOptions());
    ShellApp app = new ShellApp(options.dataDir(), settings);
    app.start();
    WebServer web;
    BrowserDownloads downloads;
    try {
      downloads = BrowserDownloads.create(options.dataDir().resolve("downloads"));
      SaveDialog.serve(app.router(), downloads);
      web =
          WebServer.start(
              app.router(),
              app.events(),
              options.port(),
              options.dataDir().resolve("uploads"),
              downloads);
    } catch (IOException | RuntimeException e) {
      app.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  web.close();
                  app.close();
                  try {
                    downloads.close();
                  } catch (IOException e) {
                    System.err.println("portfolioos: could not clear " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    app.awaitRunning(5_000);
    System.out.println("PortfolioOS is serving at " + web.url());
    System.out.flush();
    stopped.await();
  }
}

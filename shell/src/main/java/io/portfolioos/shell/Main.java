package io.portfolioos.shell;

import io.portfolioos.shell.app.ShellApp;
import io.portfolioos.shell.cli.Options;
import io.portfolioos.shell.dialogs.BrowserDownloads;
import io.portfolioos.shell.dialogs.OpenDialog;
import io.portfolioos.shell.dialogs.SaveDialog;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.state.AppState;
import io.portfolioos.shell.web.WebServer;
import io.portfolioos.shell.window.DesktopWindow;
import io.portfolioos.shell.window.NativeOpenDialog;
import io.portfolioos.shell.window.NativeSaveDialog;
import io.portfolioos.shell.window.WindowStateStore;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code portfolioos [serve] [--data-dir DIR] [--port N] [--devtools]}: the desktop window, or with
 * {@code serve} the same app in the user's own browser. stdout carries only the one "serving at"
 * line; everything else goes to stderr.
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
      desktop(options);
    } else {
      serve(options);
    }
  }

  /** Exit code when the desktop window cannot be shown (no display): `serve` still works. */
  static final int NO_DISPLAY = 3;

  /** Exit code when another window already has this data dir open. */
  static final int ALREADY_RUNNING = 4;

  private static void desktop(Options options) throws Exception {
    Optional<String> problem = DesktopWindow.displayProblem();
    if (problem.isPresent()) {
      System.err.println(
          "portfolioos: "
              + problem.get()
              + "; run `portfolioos serve` to use PortfolioOS in your browser instead.");
      System.exit(NO_DISPLAY);
      return;
    }
    if (!DesktopWindow.claimDataDir(options.dataDir())) {
      System.err.println(
          "portfolioos: PortfolioOS is already open with the data dir "
              + options.dataDir()
              + "; switch to that window.");
      System.exit(ALREADY_RUNNING);
      return;
    }
    SidecarSettings settings =
        SidecarSettings.defaults(
            options.sidecarJar(), options.dataDir(), options.sidecarJvmOptions());
    ShellApp app = new ShellApp(options.dataDir(), settings);
    app.start();
    // Chromium's start and the UI server's overlap: the window needs the server's port only
    // when it loads the page.
    CompletableFuture<WebServer> web = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("web-server-start")
        .start(
            () -> {
              try {
                web.complete(
                    WebServer.start(
                        app.router(),
                        app.events(),
                        0,
                        options.dataDir().resolve("uploads"),
                        BrowserDownloads.create(options.dataDir().resolve("downloads"))));
              } catch (IOException e) {
                web.completeExceptionally(e);
              } catch (RuntimeException e) {
                web.completeExceptionally(e);
              }
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  web.thenAccept(WebServer::close);
                  app.close();
                }));
    DesktopWindow window =
        DesktopWindow.open(
            new DesktopWindow.Settings(
                options.dataDir(),
                web.thenApply(w -> URI.create("http://127.0.0.1:" + w.port())),
                options.dev(),
                options.remoteDebuggingPort(),
                windowState(app.state())),
            app.router(),
            app.events());
    NativeSaveDialog nativeDialog = new NativeSaveDialog(window.frame());
    SaveDialog.serve(
        app.router(),
        (title, suggestedName, filters) ->
            nativeDialog.choose(
                title,
                suggestedName,
                filters.stream().flatMap(f -> f.extensions().stream()).toList()));
    NativeOpenDialog openDialog = new NativeOpenDialog(window.frame());
    OpenDialog.serve(
        app.router(),
        (title, filters) ->
            openDialog.choose(
                title, filters.stream().flatMap(f -> f.extensions().stream()).toList()));
    window.awaitClosed();
    System.exit(0);
  }

  /** The window's frame is kept in app.sqlite with the rest of the app state. */
  private static WindowStateStore windowState(AppState state) {
    return new WindowStateStore() {
      @Override
      public Optional<Bounds> load() {
        return state
            .windowBounds()
            .map(b -> new Bounds(b.x(), b.y(), b.width(), b.height(), b.maximized()));
      }

      @Override
      public void save(Bounds b) {
        state.saveWindowBounds(
            new AppState.WindowBounds(b.x(), b.y(), b.width(), b.height(), b.maximized()));
      }
    };
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

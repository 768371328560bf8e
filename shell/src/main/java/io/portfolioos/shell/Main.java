package io.portfolioos.shell;

import io.portfolioos.shell.app.ShellApp;
import io.portfolioos.shell.cli.Options;
import io.portfolioos.shell.dialogs.BrowserDownloads;
import io.portfolioos.shell.dialogs.OpenDialog;
import io.portfolioos.shell.dialogs.SaveDialog;
import io.portfolioos.shell.ipc.EventHub;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.startup.AotTraining;
import io.portfolioos.shell.startup.StartupTrace;
import io.portfolioos.shell.state.AppState;
import io.portfolioos.shell.web.WebServer;
import io.portfolioos.shell.web.WindowPages;
import io.portfolioos.shell.window.CefRuntime;
import io.portfolioos.shell.window.DesktopWindow;
import io.portfolioos.shell.window.NativeOpenDialog;
import io.portfolioos.shell.window.NativeSaveDialog;
import io.portfolioos.shell.window.WindowStateStore;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code portfolioos [serve] [--data-dir DIR] [--port N] [--devtools]}: the desktop window, or with
 * {@code serve} the same app in the user's own browser. stdout carries only the one "serving at"
 * line; everything else goes to stderr.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    StartupTrace.mark("shell main");
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
    CefRuntime.presetEnvironment();
    StartupTrace.mark("display and data dir checked");
    // What the first screen waits for runs side by side: the sidecar (its JVM and DuckDB) from
    // here, the app state and modules on their own thread, Chromium on this one.
    SidecarClient sidecar =
        new SidecarClient(SidecarSettings.defaults(options.sidecarJar(), options.dataDir()));
    // Spawning it (and the JSON machinery its first ping needs) takes a while itself.
    Thread.ofPlatform()
        .name("sidecar-start")
        .start(
            () -> {
              sidecar.start();
              StartupTrace.mark("sidecar spawned");
            });
    EventHub events = new EventHub();
    CompletableFuture<AppState> state = new CompletableFuture<>();
    CompletableFuture<ShellApp> app = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("shell-app-start")
        .start(
            () -> {
              try {
                state.complete(AppState.open(options.dataDir()));
                app.complete(new ShellApp(options.dataDir(), state.join(), sidecar, events));
              } catch (Exception e) {
                state.completeExceptionally(e);
                app.completeExceptionally(e);
              }
            });
    WindowPages pages = WindowPages.start();
    StartupTrace.mark("page server listening");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  pages.close();
                  app.whenComplete(
                      (a, error) -> {
                        if (a != null) {
                          a.close();
                        } else {
                          sidecar.close();
                        }
                      });
                }));
    DesktopWindow window =
        DesktopWindow.open(
            new DesktopWindow.Settings(
                options.dataDir(),
                pages.origin(),
                options.dev(),
                options.remoteDebuggingPort(),
                windowState(state)),
            app.thenApply(ShellApp::router),
            events);
    ShellApp wired;
    try {
      wired = app.join();
    } catch (CompletionException e) {
      System.err.println("portfolioos: could not start: " + e.getCause());
      System.exit(1);
      return;
    }
    NativeSaveDialog nativeDialog = new NativeSaveDialog(window.frame());
    SaveDialog.serve(
        wired.router(),
        (title, suggestedName, filters) ->
            nativeDialog.choose(
                title,
                suggestedName,
                filters.stream().flatMap(f -> f.extensions().stream()).toList()));
    NativeOpenDialog openDialog = new NativeOpenDialog(window.frame());
    OpenDialog.serve(
        wired.router(),
        (title, filters) ->
            openDialog.choose(
                title, filters.stream().flatMap(f -> f.extensions().stream()).toList()));
    StartupTrace.mark("window open");
    // By then the training run has loaded and linked what a start needs, dashboard included.
    AotTraining.endAfter(Duration.ofSeconds(8));
    window.awaitClosed();
    System.exit(0);
  }

  /** The window's frame is kept in app.sqlite with the rest of the app state. */
  private static WindowStateStore windowState(CompletableFuture<AppState> state) {
    return new WindowStateStore() {
      @Override
      public Optional<Bounds> load() {
        return state
            .join()
            .windowBounds()
            .map(b -> new Bounds(b.x(), b.y(), b.width(), b.height(), b.maximized()));
      }

      @Override
      public void save(Bounds b) {
        state
            .join()
            .saveWindowBounds(
                new AppState.WindowBounds(b.x(), b.y(), b.width(), b.height(), b.maximized()));
      }
    };
  }

  private static void serve(Options options) throws Exception {
    SidecarSettings settings = SidecarSettings.defaults(options.sidecarJar(), options.dataDir());
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

package io.portfolioos.shell.window;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.portfolioos.shell.startup.StartupTrace;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.CefInitializationException;
import me.friwi.jcefmaven.EnumProgress;
import me.friwi.jcefmaven.MavenCefAppHandlerAdapter;
import me.friwi.jcefmaven.UnsupportedPlatformException;
import org.cef.CefApp;
import org.cef.CefSettings;
import org.cef.callback.CefCommandLine;
import sun.misc.Signal;

/**
 * Starts Chromium (CEF). Its natives come from the jcef-natives jar on the classpath and are
 * unpacked once into {@code <data dir>/cache/jcef} (never the working directory; jcefmaven checks
 * the build there and unpacks again only after an upgrade). Downloads are off: a missing natives
 * jar fails instead of fetching from the internet. The browser profile lives in {@code <data
 * dir>/cache/cef-profile}.
 *
 * <p>Public for StartupBench's floor, a bare window that must start Chromium exactly as the app
 * does (same natives, settings and flags) to show what Chromium alone costs.
 */
public final class CefRuntime {
  /**
   * Flags for a window that only ever shows our own local page: no GPU process (software
   * compositing is plenty for tables and charts and saves ≈70 MB), and none of Chromium's
   * background traffic to Google services.
   */
  private static final List<String> ARGS =
      List.of(
          "--disable-gpu",
          "--disable-gpu-compositing",
          // what is left of the GPU process runs as a thread of the browser process: one
          // helper process (≈40 MB) fewer
          "--in-process-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--disable-default-apps",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-features=Translate,MediaRouter,OptimizationHints,SpareRendererForSitePerProcess",
          // The network service as a thread of the browser process: a helper process of its own
          // loads Chromium from scratch at every start (≈0.25 s of CPU). Without it nothing needs
          // the unsandboxed zygote, which costs another ≈0.17 s to start (StartupBench,
          // 2026-12-02).
          "--enable-features=NetworkServiceInProcess2",
          "--no-unsandboxed-zygote",
          "--renderer-process-limit=1");

  private CefRuntime() {}

  /**
   * Chromium, once its threads run, adds two variables to the process environment when they are
   * missing: the D-Bus session address as {@code disabled:} (so that libdbus never autolaunches a
   * bus; only without a session bus, as under Xvfb) and {@code FC_FONTATIONS=1} for its font
   * backend. Adding a variable reallocates the environment while its other threads read it: the
   * window crashed in {@code getenv} about once in 60 starts here. Call this before any other
   * thread of ours runs: with both variables already set to what Chromium would set, its calls
   * leave the environment as it is.
   */
  public static void presetEnvironment() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return;
    }
    Linker linker = Linker.nativeLinker();
    MethodHandle setenv =
        linker.downcallHandle(
            linker.defaultLookup().find("setenv").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    try (Arena arena = Arena.ofConfined()) {
      int keep = 0;
      int replace = 1;
      int dbus =
          (int)
              setenv.invokeExact(
                  arena.allocateFrom("DBUS_SESSION_BUS_ADDRESS"),
                  arena.allocateFrom("disabled:"),
                  keep);
      int fonts =
          (int)
              setenv.invokeExact(
                  arena.allocateFrom("FC_FONTATIONS"), arena.allocateFrom("1"), replace);
      if (dbus != 0 || fonts != 0) {
        throw new IllegalStateException("setenv failed");
      }
    } catch (Throwable e) {
      throw new IllegalStateException("could not prepare the environment for Chromium", e);
    }
  }

  static Path installDir(Path dataDir) {
    return dataDir.resolve("cache").resolve("jcef");
  }

  /** Builds the CefApp; must run before any Swing window exists. */
  public static CefApp start(Path dataDir, int remoteDebuggingPort, CountDownLatch terminated)
      throws IOException,
          UnsupportedPlatformException,
          InterruptedException,
          CefInitializationException {
    Path install = installDir(dataDir);
    Path profile = dataDir.resolve("cache").resolve("cef-profile");
    Files.createDirectories(install);
    Files.createDirectories(profile);
    CefAppBuilder builder = new CefAppBuilder();
    builder.setInstallDir(install.toFile());
    builder.setMirrors(List.of());
    builder.setProgressHandler(
        (state, percent) -> {
          if (state == EnumProgress.EXTRACTING && percent <= 0) {
            System.err.println(
                "portfolioos: unpacking the browser engine into "
                    + install
                    + " (first start only)");
          }
        });
    CefSettings settings = builder.getCefSettings();
    settings.windowless_rendering_enabled = false;
    settings.root_cache_path = profile.toString();
    settings.cache_path = profile.resolve("default").toString();
    settings.persist_session_cookies = false;
    settings.log_severity = CefSettings.LogSeverity.LOGSEVERITY_ERROR;
    settings.log_file = dataDir.resolve("logs").resolve("cef.log").toString();
    if (remoteDebuggingPort > 0) {
      settings.remote_debugging_port = remoteDebuggingPort;
    }
    builder.addJcefArgs(ARGS.toArray(String[]::new));
    builder.setAppHandler(
        new MavenCefAppHandlerAdapter() {
          @Override
          public boolean onAlreadyRunningAppRelaunch(
              CefCommandLine commandLine, String currentDirectory) {
            // The instance lock turns a second start away before it gets here; should one slip
            // through, do not let Chromium open its own new-tab window.
            return true;
          }

          @Override
          public void stateHasChanged(CefApp.CefAppState state) {
            if (state == CefApp.CefAppState.TERMINATED) {
              terminated.countDown();
            }
          }
        });
    Files.createDirectories(dataDir.resolve("logs"));
    StartupTrace.mark("CefApp building");
    CefApp app = builder.build();
    StartupTrace.mark("CefApp built");
    exitOnTermination();
    return app;
  }

  /**
   * Chromium installs its own SIGTERM/SIGINT handlers in the process that embeds it, which hides
   * them from the JVM: a plain {@code kill} would leave the app (and its sidecar) running. Hand
   * them back so they run the shutdown hooks like any other exit.
   */
  private static void exitOnTermination() {
    for (String name : List.of("TERM", "INT", "HUP")) {
      int code =
          128
              + switch (name) {
                case "TERM" -> 15;
                case "INT" -> 2;
                default -> 1;
              };
      Signal.handle(new Signal(name), s -> Thread.ofPlatform().start(() -> System.exit(code)));
    }
  }
}

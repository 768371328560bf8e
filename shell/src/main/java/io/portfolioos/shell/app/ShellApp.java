package io.portfolioos.shell.app;

import io.portfolioos.contract.Contract;
import io.portfolioos.contract.Empty;
import io.portfolioos.contract.system.ShellInfo;
import io.portfolioos.contract.system.SidecarInfo;
import io.portfolioos.contract.system.SystemInfo;
import io.portfolioos.contract.system.SystemMethods;
import io.portfolioos.shell.backup.BackupModule;
import io.portfolioos.shell.dialogs.DroppedFiles;
import io.portfolioos.shell.dialogs.OpenDialog;
import io.portfolioos.shell.ipc.EventHub;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.llm.Assistant;
import io.portfolioos.shell.market.MarketFeeds;
import io.portfolioos.shell.secrets.SecretStore;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.sidecar.SidecarState;
import io.portfolioos.shell.startup.StartupTrace;
import io.portfolioos.shell.state.AppState;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The shell's parts wired together, whichever front end (window or browser) shows them: the
 * supervised sidecar, the IPC router with the shell's own handlers, and the event hub.
 */
public final class ShellApp implements AutoCloseable {
  private final Path dataDir;
  private final SidecarClient sidecar;
  private final IpcRouter router;
  private final EventHub events;
  private final AppState state;
  private final SecretStore secrets;
  private final Assistant assistant;
  private final MarketFeeds market;

  public ShellApp(Path dataDir, SidecarSettings settings) throws IOException, SQLException {
    this(dataDir, AppState.open(dataDir), new SidecarClient(settings), new EventHub());
  }

  /**
   * From parts the desktop starts early, each as soon as it can: the sidecar takes a second or two
   * to answer its first ping, the window needs the app state for its bounds, and the page polls
   * {@code events} while the rest is wired here. The sidecar's state changes before this returns
   * are not published as events; {@code system.info} reports its state.
   */
  public ShellApp(Path dataDir, AppState state, SidecarClient sidecar, EventHub events)
      throws IOException, SQLException {
    this.dataDir = dataDir;
    this.sidecar = sidecar;
    this.events = events;
    this.state = state;
    this.secrets = SecretStore.open(state, dataDir);
    StartupTrace.mark("secrets open");
    this.router = new IpcRouter(sidecar);
    state.serve(router);
    secrets.serve(router);
    router.local(SystemMethods.INFO, p -> info());
    router.local(
        SystemMethods.RESTART_SIDECAR,
        p -> {
          sidecar.retry();
          return Empty.INSTANCE;
        });
    BackupModule.register(router, dataDir, sidecar, state);
    // the desktop window installs its own
    OpenDialog.serveUnavailable(router);
    DroppedFiles.serveUnavailable(router);
    sidecar.onStateChange(s -> events.publish("sidecar", sidecarEvent(s)));
    assistant = new Assistant(state, name -> secrets.reveal(name).orElse(null), events);
    assistant.register(router);
    market =
        MarketFeeds.start(
            router,
            sidecar,
            state,
            secrets,
            Clock.systemUTC(),
            !"off".equals(System.getenv("PORTFOLIOOS_AUTO_SYNC")));
    StartupTrace.mark("shell app wired");
  }

  public void start() {
    sidecar.start();
  }

  /** Waits until the sidecar answers, so the first screen has data; false if it did not. */
  public boolean awaitRunning(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      SidecarState s = sidecar.state();
      if (s == SidecarState.RUNNING) {
        return true;
      }
      if (s == SidecarState.FAILED) {
        return false;
      }
      Thread.sleep(10);
    }
    return false;
  }

  public IpcRouter router() {
    return router;
  }

  public EventHub events() {
    return events;
  }

  public SidecarClient sidecar() {
    return sidecar;
  }

  public AppState state() {
    return state;
  }

  public SecretStore secrets() {
    return secrets;
  }

  private SystemInfo info() throws InterruptedException {
    ShellInfo shell =
        new ShellInfo(
            Contract.VERSION,
            ProcessHandle.current().pid(),
            dataDir.toString(),
            sidecar.state().name(),
            sidecar.restarts(),
            sidecar.failure());
    SidecarInfo part = null;
    if (sidecar.state() == SidecarState.RUNNING) {
      try {
        part = sidecar.call(SystemMethods.INFO, Empty.INSTANCE).get(3, TimeUnit.SECONDS).sidecar();
      } catch (ExecutionException | TimeoutException e) {
        part = null; // the banner shows the state; info stays answerable while the sidecar isn't
      }
    }
    return new SystemInfo(shell, part);
  }

  private Map<String, @Nullable Object> sidecarEvent(SidecarState state) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("state", state.name());
    m.put("restarts", sidecar.restarts());
    m.put("failure", sidecar.failure());
    return m;
  }

  @Override
  public void close() {
    assistant.close();
    market.close();
    sidecar.close();
    state.close();
  }
}

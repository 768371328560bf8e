package io.portfolioos.shell.window;

import io.portfolioos.shell.dialogs.DroppedFiles;
import io.portfolioos.shell.ipc.EventHub;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.startup.StartupTrace;
import java.awt.AWTError;
import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.cef.CefApp;
import org.cef.CefClient;
import org.cef.CefSettings;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.browser.CefMessageRouter;
import org.cef.handler.CefDisplayHandlerAdapter;
import org.cef.handler.CefLoadHandlerAdapter;
import org.cef.network.CefRequest.TransitionType;
import org.jspecify.annotations.Nullable;

/**
 * The desktop app's window: Chromium (JCEF) showing the UI from the app's own local origin, its IPC
 * through {@code cefQuery} to the shell's router, navigation pinned to that origin, size and
 * position remembered.
 */
public final class DesktopWindow {
  /**
   * @param origin where the UI is served, e.g. {@code http://127.0.0.1:41234}
   * @param devTools open DevTools beside the window
   * @param remoteDebuggingPort CDP port for local tools, 0 for none
   */
  public record Settings(
      Path dataDir,
      URI origin,
      boolean devTools,
      int remoteDebuggingPort,
      WindowStateStore state) {}

  private static final int DEFAULT_WIDTH = 1280;
  private static final int DEFAULT_HEIGHT = 800;

  /** Kept for the life of the process: the OS releases it when the process ends. */
  private static @Nullable FileLock instanceLock;

  private final JFrame frame;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final CountDownLatch terminated;

  private DesktopWindow(JFrame frame, CountDownLatch terminated) {
    this.frame = frame;
    this.terminated = terminated;
  }

  /**
   * Why no window can be shown here, in one sentence, or empty when a display is reachable. Check
   * this before {@link #open}: without an X server Chromium aborts the whole process.
   */
  public static Optional<String> displayProblem() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("linux")) {
      String display = System.getenv("DISPLAY");
      if (display == null || display.isBlank()) {
        return Optional.of("no display available (DISPLAY is not set)");
      }
    }
    if (GraphicsEnvironment.isHeadless()) {
      return Optional.of("no display available (Java runs headless)");
    }
    try {
      GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
      return Optional.empty();
    } catch (AWTError e) {
      return Optional.of("no display available (" + e.getMessage() + ")");
    }
  }

  /**
   * Claims the data dir for this window (held until the process exits); false if another
   * PortfolioOS window already has it open.
   */
  public static synchronized boolean claimDataDir(Path dataDir) throws IOException {
    if (instanceLock == null) {
      instanceLock = InstanceLock.acquire(dataDir).orElse(null);
    }
    return instanceLock != null;
  }

  /**
   * Starts Chromium and shows the window; returns once it is on screen. The page loads while {@code
   * router} is still being wired: its calls wait for it, its event polls are answered from {@code
   * events} at once.
   */
  public static DesktopWindow open(
      Settings settings, CompletableFuture<IpcRouter> router, EventHub events) throws Exception {
    CountDownLatch terminated = new CountDownLatch(1);
    CefApp cef = CefRuntime.start(settings.dataDir(), settings.remoteDebuggingPort(), terminated);
    OriginPolicy policy = new OriginPolicy(settings.origin(), settings.devTools());
    CefClient client = cef.createClient();
    IpcBridge bridge = new IpcBridge(router, events, policy);
    CefMessageRouter messages = CefMessageRouter.create(bridge);
    client.addMessageRouter(messages);
    NavigationGuard guard = new NavigationGuard(policy);
    client.addRequestHandler(guard);
    client.addLifeSpanHandler(guard.popups());
    DroppedFiles dropped = new DroppedFiles(Clock.systemUTC());
    router.thenAccept(dropped::serve); // after the app wiring, which installs the browser default
    client.addDragHandler(
        (browser, data, mask) -> {
          Vector<String> paths = new Vector<>();
          if (data.isFile() && data.getFilePaths(paths)) {
            dropped.dragged(paths.stream().map(Path::of).toList());
          }
          return false; // let the page take the drop
        });
    client.addDisplayHandler(
        new CefDisplayHandlerAdapter() {
          @Override
          public boolean onConsoleMessage(
              CefBrowser browser,
              CefSettings.LogSeverity level,
              String message,
              String source,
              int line) {
            if (level == CefSettings.LogSeverity.LOGSEVERITY_ERROR
                || level == CefSettings.LogSeverity.LOGSEVERITY_FATAL) {
              System.err.println("portfolioos: page error: " + message);
            }
            return false;
          }
        });
    client.addLoadHandler(
        new CefLoadHandlerAdapter() {
          @Override
          public void onLoadStart(CefBrowser b, CefFrame frame, TransitionType type) {
            StartupTrace.mark("page load start");
          }

          @Override
          public void onLoadEnd(CefBrowser b, CefFrame frame, int httpStatusCode) {
            StartupTrace.mark("page load end");
          }
        });
    if (settings.devTools()) {
      // Only once the page exists: asked for earlier, DevTools attach to nothing.
      client.addLoadHandler(
          new CefLoadHandlerAdapter() {
            private boolean opened;

            @Override
            public void onLoadEnd(CefBrowser b, CefFrame frame, int httpStatusCode) {
              if (frame.isMain() && !opened) {
                opened = true;
                b.openDevTools();
              }
            }
          });
    }
    StartupTrace.mark("browser creating");
    CefBrowser browser = client.createBrowser(policy.origin() + "/", false, false);
    // Off the event thread: it may wait for the app state, and Chromium runs on that thread.
    Optional<WindowStateStore.Bounds> remembered = settings.state().load();
    DesktopWindow[] window = new DesktopWindow[1];
    onEventThread(
        () -> {
          JFrame f = new JFrame("PortfolioOS");
          f.setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
          f.getContentPane().add(browser.getUIComponent());
          place(f, remembered);
          // Remember the frame shortly after the user stops moving or resizing it, not only on
          // close: a killed or crashed app still reopens where it was.
          Timer saveSoon = new Timer(500, e -> settings.state().save(bounds(f)));
          saveSoon.setRepeats(false);
          f.addComponentListener(
              new ComponentAdapter() {
                @Override
                public void componentMoved(ComponentEvent e) {
                  saveSoon.restart();
                }

                @Override
                public void componentResized(ComponentEvent e) {
                  saveSoon.restart();
                }
              });
          window[0] = new DesktopWindow(f, terminated);
          f.addWindowListener(
              new WindowAdapter() {
                @Override
                public void windowClosing(WindowEvent e) {
                  saveSoon.stop();
                  settings.state().save(bounds(f));
                  bridge.close();
                  messages.dispose();
                  f.dispose();
                  client.dispose();
                  cef.dispose();
                  window[0].closed.countDown();
                }
              });
          f.setVisible(true);
          StartupTrace.mark("frame visible");
        });
    return window[0];
  }

  /** The window's frame, as the parent of the app's dialogs. */
  public JFrame frame() {
    return frame;
  }

  /** Waits until the user closed the window and Chromium has shut down (or a grace period). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
    terminated.await(3, TimeUnit.SECONDS);
  }

  /** Closes the window as if the user had. */
  public void close() {
    SwingUtilities.invokeLater(
        () -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING)));
  }

  private static void place(JFrame f, Optional<WindowStateStore.Bounds> remembered) {
    WindowStateStore.Bounds b = remembered.filter(DesktopWindow::onSomeScreen).orElse(null);
    if (b == null) {
      f.setSize(DEFAULT_WIDTH, DEFAULT_HEIGHT);
      f.setLocationRelativeTo(null);
      return;
    }
    f.setBounds(b.x(), b.y(), b.width(), b.height());
    if (b.maximized()) {
      f.setExtendedState(f.getExtendedState() | Frame.MAXIMIZED_BOTH);
    }
  }

  private static WindowStateStore.Bounds bounds(JFrame f) {
    boolean maximized = (f.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
    Rectangle r = f.getBounds();
    return new WindowStateStore.Bounds(r.x, r.y, r.width, r.height, maximized);
  }

  /** A remembered frame is used only if its title bar is still on a screen (monitor unplugged). */
  static boolean onSomeScreen(WindowStateStore.Bounds b) {
    if (b.width() < 200 || b.height() < 150) {
      return false;
    }
    Rectangle titleBar = new Rectangle(b.x(), b.y(), b.width(), 30);
    for (GraphicsDevice d : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
      GraphicsConfiguration c = d.getDefaultConfiguration();
      if (c.getBounds().intersects(titleBar)) {
        return true;
      }
    }
    return false;
  }

  private static void onEventThread(Runnable r) throws InterruptedException {
    try {
      SwingUtilities.invokeAndWait(r);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("could not open the window", cause);
    }
  }
}

package io.portfolioos.bench.startup;

import io.portfolioos.shell.startup.AotTraining;
import io.portfolioos.shell.window.CefRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.cef.CefApp;
import org.cef.CefClient;
import org.cef.browser.CefBrowser;

/**
 * StartupBench's floor: a bare JCEF window on a static page, Chromium started exactly as the app
 * starts it ({@link CefRuntime}: the same natives, settings and flags) and the frame built the same
 * way, with none of the app (no sidecar, app state, IPC or UI bundle). What it takes to paint is
 * what Chromium alone costs on this machine.
 *
 * <p>{@code FloorWindow <data dir> <page url> <remote debugging port>}; runs until killed.
 */
public final class FloorWindow {
  private FloorWindow() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    String url = args[1];
    int port = Integer.parseInt(args[2]);
    CefRuntime.presetEnvironment();
    CountDownLatch terminated = new CountDownLatch(1);
    CefApp cef = CefRuntime.start(dataDir, port, terminated);
    CefClient client = cef.createClient();
    CefBrowser browser = client.createBrowser(url, false, false);
    SwingUtilities.invokeAndWait(
        () -> {
          JFrame f = new JFrame("StartupBench floor");
          f.getContentPane().add(browser.getUIComponent());
          f.setSize(1280, 800);
          f.setLocationRelativeTo(null);
          f.setVisible(true);
        });
    // Its own AOT cache, trained by StartupBench's first floor start, as the app's launcher does.
    AotTraining.endAfter(Duration.ofSeconds(3));
    terminated.await();
  }
}

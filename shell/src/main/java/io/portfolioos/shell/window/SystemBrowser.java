package io.portfolioos.shell.window;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens an off-origin link in the user's own browser, never inside the window. Honours the
 * conventional {@code $BROWSER} (a command, {@code %s} replaced by the URL or the URL appended),
 * else java.awt.Desktop, else {@code xdg-open}. Runs off the window's threads: a slow browser start
 * must not freeze the UI.
 */
final class SystemBrowser {
  private static final Logger LOG = Logger.getLogger(SystemBrowser.class.getName());

  private SystemBrowser() {}

  static void open(String url) {
    if (!OriginPolicy.isExternal(url)) {
      LOG.warning("refused to open a non-web link outside the app: " + scheme(url));
      return;
    }
    Thread.ofVirtual().name("system-browser").start(() -> launch(url));
  }

  private static void launch(String url) {
    try {
      String browser = System.getenv("BROWSER");
      if (browser != null && !browser.isBlank()) {
        run(command(browser.split(":", -1)[0], url));
      } else if (Desktop.isDesktopSupported()
          && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(URI.create(url));
      } else {
        run(List.of("xdg-open", url));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not open the link in your browser", e);
    }
  }

  static List<String> command(String template, String url) {
    List<String> cmd = new ArrayList<>();
    boolean substituted = false;
    for (String part : template.trim().split("\\s+")) {
      if (part.contains("%s")) {
        cmd.add(part.replace("%s", url));
        substituted = true;
      } else {
        cmd.add(part);
      }
    }
    if (!substituted) {
      cmd.add(url);
    }
    return cmd;
  }

  private static void run(List<String> cmd) throws IOException {
    new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "(no scheme)" : url.substring(0, colon + 1);
  }
}

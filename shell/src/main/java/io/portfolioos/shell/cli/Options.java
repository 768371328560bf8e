package io.portfolioos.shell.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The command line. The data dir is {@code --data-dir}, else {@code $PORTFOLIOOS_HOME}, else {@code
 * ~/.portfolioos}. The sidecar jar is {@code -Dportfolioos.sidecar.jar}, else beside the shell jar,
 * else in the source tree's {@code sidecar/target}.
 */
public record Options(
    Command command,
    Path dataDir,
    int port,
    boolean dev,
    int remoteDebuggingPort,
    Path sidecarJar) {
  public enum Command {
    DESKTOP,
    SERVE,
    HELP
  }

  public static final String USAGE =
      """
      usage: portfolioos [serve] [--data-dir DIR] [--port N] [--devtools]
        (no command)  open the desktop window
        serve         serve the UI on http://127.0.0.1 for your own browser
        --data-dir    where your data lives (default $PORTFOLIOOS_HOME or ~/.portfolioos)
        --port        port for serve (default: a free one)
        --devtools    open DevTools beside the window (also --dev)
        --remote-debugging-port N
                      let local tools drive the window over the Chrome DevTools Protocol on
                      127.0.0.1:N (development and tests only: anything on this machine could
                      then control the window)""";

  public static Options parse(String[] args) {
    Command command = Command.DESKTOP;
    Path dataDir = null;
    int port = 0;
    boolean dev = false;
    int remoteDebuggingPort = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "serve" -> command = Command.SERVE;
        case "help", "--help", "-h" -> command = Command.HELP;
        case "--dev", "--devtools" -> dev = true;
        case "--remote-debugging-port" -> {
          remoteDebuggingPort = portNumber(value(args, ++i, a), a);
          if (remoteDebuggingPort == 0) {
            throw new IllegalArgumentException(a + " needs a port between 1 and 65535");
          }
        }
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
        case "--port" -> port = portNumber(value(args, ++i, a), a);
        default -> throw new IllegalArgumentException("unknown argument: " + a);
      }
    }
    if (dataDir == null) {
      String home = System.getenv("PORTFOLIOOS_HOME");
      dataDir =
          home != null && !home.isBlank()
              ? Path.of(home)
              : Path.of(System.getProperty("user.home"), ".portfolioos");
    }
    return new Options(
        command, dataDir.toAbsolutePath(), port, dev, remoteDebuggingPort, locateSidecarJar());
  }

  private static int portNumber(String text, String flag) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(flag + " needs a number between 0 and 65535");
    }
    return port;
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static Path locateSidecarJar() {
    String configured = System.getProperty("portfolioos.sidecar.jar");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    Path shellJar = shellJar();
    if (shellJar != null) {
      Path beside = shellJar.resolveSibling("portfolioos-sidecar.jar");
      if (Files.isRegularFile(beside)) {
        return beside;
      }
      Path tree =
          shellJar.getParent().resolve("../../sidecar/target/portfolioos-sidecar.jar").normalize();
      if (Files.isRegularFile(tree)) {
        return tree;
      }
    }
    return Path.of("sidecar/target/portfolioos-sidecar.jar").toAbsolutePath();
  }

  private static @Nullable Path shellJar() {
    try {
      Path p = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (Exception e) {
      return null;
    }
  }
}

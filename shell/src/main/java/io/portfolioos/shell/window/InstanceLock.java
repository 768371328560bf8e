package io.portfolioos.shell.window;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One window per data dir. Chromium's own single-instance check would hand a second start to the
 * first browser process (which then opens a blank tab); this lock turns it away with a message
 * instead. The OS drops the lock when the process dies, so a crash never leaves it stale.
 */
final class InstanceLock {
  private InstanceLock() {}

  /** Holds the lock for the life of the process; empty if another window already holds it. */
  static Optional<FileLock> acquire(Path dataDir) throws IOException {
    Path file = dataDir.resolve("window.lock");
    Files.createDirectories(dataDir);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
    }
    return Optional.ofNullable(lock);
  }
}

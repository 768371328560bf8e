package io.portfolioos.sidecar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS file lock on {@code <data-dir>/sidecar.lock}, held for the life of the process and released
 * by the OS even on SIGKILL. It exists because DuckDB's own lock is only discovered after the slow
 * open, and names no data dir.
 */
final class DataDirLock {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another process holds it. */
  static Optional<DataDirLock> tryAcquire(Path dataDir) throws IOException {
    Path file = dataDir.resolve("sidecar.lock");
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0); // no fsync: the pid is a hint for the message, the lock itself lives in the kernel
    return Optional.of(new DataDirLock(channel, lock));
  }

  /** The pid the current holder wrote, for the message to the user. */
  static String holder(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve("sidecar.lock"), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  void release() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the OS releases it at exit anyway
    }
  }
}

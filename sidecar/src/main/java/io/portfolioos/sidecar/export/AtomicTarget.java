package io.portfolioos.sidecar.export;

import io.portfolioos.contract.InvalidParamsException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A file that appears whole or not at all: the data goes to a temporary file that is flushed to
 * disk and then renamed over the target in one atomic step. The temporary file lives in the data
 * dir's {@code tmp/export} when that is on the same file system as the target (a rename cannot
 * cross file systems), so a sidecar killed mid-write leaves nothing beside the user's files and the
 * next sidecar start sweeps it; otherwise it is a hidden file beside the target.
 */
final class AtomicTarget {
  static final String TMP_DIR = "tmp/export";
  private static final String SUFFIX = ".portfolioos-partial";

  private final Path target;
  private final Path temp;

  private AtomicTarget(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /** Checks that {@code path} can be written and picks where its temporary file goes. */
  static AtomicTarget prepare(Path path, Path dataDir, String field) throws IOException {
    Path target = path.toAbsolutePath().normalize();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidParamsException(field, "the folder " + dir + " does not exist");
    }
    if (Files.isDirectory(target)) {
      throw new InvalidParamsException(field, "is a folder, not a file");
    }
    if (!Files.isWritable(dir)) {
      throw new InvalidParamsException(field, "the folder " + dir + " is not writable");
    }
    Path tmpDir = dataDir.resolve(TMP_DIR);
    Files.createDirectories(tmpDir);
    String name = UUID.randomUUID() + SUFFIX;
    Path temp =
        Files.getFileStore(tmpDir).equals(Files.getFileStore(dir))
            ? tmpDir.resolve(name)
            : dir.resolve("." + target.getFileName() + "." + name);
    return new AtomicTarget(target, temp);
  }

  Path temp() {
    return temp;
  }

  Path target() {
    return target;
  }

  /** fsyncs the temporary file, renames it over the target, and fsyncs the folder. */
  long commit() throws IOException {
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    long size = Files.size(temp);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + temp + " to " + target + " atomically", e);
    }
    syncDirectory(target.getParent());
    return size;
  }

  void abandon() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // the sweep at the next start removes what is left in tmp/export
    }
  }

  /** Removes temporary files a killed sidecar left; called at start, under the data-dir lock. */
  static void sweep(Path dataDir) throws IOException {
    Path tmpDir = dataDir.resolve(TMP_DIR);
    if (!Files.isDirectory(tmpDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(tmpDir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A rename is durable only once its folder is flushed (POSIX); Windows cannot open folders. */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not supported on this platform; the rename itself is still atomic
    }
  }
}

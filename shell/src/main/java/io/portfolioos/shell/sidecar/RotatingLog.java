package io.portfolioos.shell.sidecar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Copies a child's stderr into {@code sidecar.log}, rotating to {@code sidecar.log.1..N} at a size
 * limit, and keeps the last lines in memory so a crash can be explained to the user.
 */
final class RotatingLog {
  private final Path file;
  private final long maxBytes;
  private final int keep;
  private final Deque<String> tail = new ArrayDeque<>();
  private OutputStream out;
  private long size;

  RotatingLog(Path dir, String name, long maxBytes, int keep) throws IOException {
    Files.createDirectories(dir);
    this.file = dir.resolve(name);
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.size = Files.exists(file) ? Files.size(file) : 0;
    this.out = open();
  }

  private OutputStream open() throws IOException {
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Pumps {@code stderr} line by line until it closes; runs on its own thread. */
  void pump(InputStream stderr) {
    try (var reader =
        new java.io.BufferedReader(new java.io.InputStreamReader(stderr, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        append(line);
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  synchronized void append(String line) {
    tail.addLast(line);
    while (tail.size() > 20) {
      tail.removeFirst();
    }
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (size + bytes.length > maxBytes) {
        rotate();
      }
      out.write(bytes);
      out.flush();
      size += bytes.length;
    } catch (IOException e) {
      // logging must never take the app down
    }
  }

  private void rotate() throws IOException {
    out.close();
    for (int i = keep - 1; i >= 1; i--) {
      Path from = file.resolveSibling(file.getFileName() + "." + i);
      if (Files.exists(from)) {
        Files.move(
            from,
            file.resolveSibling(file.getFileName() + "." + (i + 1)),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(
        file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    out = open();
    size = 0;
  }

  synchronized List<String> lastLines() {
    return List.copyOf(tail);
  }
}

package io.portfolioos.shell.sidecar;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes newline-framed lines to a pipe from many threads without a writer thread: whoever gets the
 * lock drains the queue (its own line and any others queued meanwhile) and flushes once. One line
 * never interleaves with another, and a burst of pipelined calls shares a flush.
 */
final class LineWriter {
  private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final OutputStream out;

  LineWriter(OutputStream out) {
    this.out = out;
  }

  void send(byte[] line) throws IOException {
    queue.add(line);
    while (!queue.isEmpty() && lock.tryLock()) {
      try {
        byte[] next;
        while ((next = queue.poll()) != null) {
          out.write(next);
          out.write('\n');
        }
        out.flush();
      } finally {
        lock.unlock();
      }
    }
  }

  void close() {
    lock.lock();
    try {
      out.close();
    } catch (IOException e) {
      // the child already closed its end
    } finally {
      lock.unlock();
    }
  }
}

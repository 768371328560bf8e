package io.portfolioos.sidecar.rpc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one writer of stdout. Every reply and notification is queued here as a complete JSON text and
 * written, newline-terminated, by a single thread, so lines never interleave. It flushes only when
 * the queue runs dry, so pipelined replies share a flush.
 */
final class OutputWriter implements AutoCloseable {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private final OutputStream out;
  private final Thread thread;
  private volatile boolean broken;

  OutputWriter(OutputStream out) {
    this.out = out;
    this.thread = Thread.ofPlatform().name("rpc-stdout").daemon().start(this::loop);
  }

  void send(byte[] json) {
    if (!broken) {
      queue.add(json);
    }
  }

  private void loop() {
    try {
      byte[] next;
      while ((next = queue.take()) != END) {
        write(next);
        while ((next = queue.poll()) != null) {
          if (next == END) {
            out.flush();
            return;
          }
          write(next);
        }
        out.flush();
      }
      out.flush();
    } catch (IOException e) {
      broken = true; // the parent closed our stdout; stdin EOF will follow
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(byte[] json) throws IOException {
    out.write(json);
    out.write('\n');
  }

  /** Writes everything queued so far, then stops. */
  @Override
  public void close() {
    queue.add(END);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while flushing stdout"));
    }
  }
}

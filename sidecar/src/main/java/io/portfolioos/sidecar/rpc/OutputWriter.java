package io.portfolioos.sidecar.rpc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one writer of stdout. Every reply and notification is queued here as a complete JSON text and
 * written, newline-terminated, by a single thread, so lines never interleave. It flushes only when
 * the queue runs dry, so pipelined replies share a flush. One shortcut: the stdin reader writes the
 * answer of a method it ran inline itself ({@link #sendNow}) when no more input is waiting; that
 * saves a thread wake-up on each lone round trip. Both paths write under one lock, and an inline
 * answer is its request's only message, so no request's messages are reordered.
 */
final class OutputWriter implements AutoCloseable {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private final OutputStream out;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
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

  /** Writes and flushes {@code json} on the calling thread, after any batch being written. */
  void sendNow(byte[] json) {
    if (broken) {
      return;
    }
    lock.lock();
    try {
      write(json);
      out.flush();
    } catch (IOException e) {
      broken = true;
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    try {
      byte[] next;
      while ((next = queue.take()) != END) {
        if (!writeBatch(next)) {
          return;
        }
      }
      lock.lock();
      try {
        out.flush();
      } finally {
        lock.unlock();
      }
    } catch (IOException e) {
      broken = true; // the parent closed our stdout; stdin EOF will follow
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes {@code first} and whatever else is queued, then flushes; false once END is reached. */
  private boolean writeBatch(byte[] first) throws IOException {
    lock.lock();
    try {
      write(first);
      byte[] next;
      while ((next = queue.poll()) != null) {
        if (next == END) {
          out.flush();
          return false;
        }
        write(next);
      }
      out.flush();
      return true;
    } finally {
      lock.unlock();
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

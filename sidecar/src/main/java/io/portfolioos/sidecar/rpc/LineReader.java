package io.portfolioos.sidecar.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-framed lines from a stream without ever buffering more than the cap: a longer line
 * is skipped to its newline and reported as {@link #TOO_LONG}, so one bad peer cannot exhaust the
 * heap.
 */
final class LineReader {
  static final int EOF = -1;
  static final int TOO_LONG = -2;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private byte[] line = new byte[8 * 1024];

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The bytes of the last line read by {@link #next()} (valid up to its returned length). */
  byte[] line() {
    return line;
  }

  /** True when more input is already buffered, so the next line comes without a read. */
  boolean buffered() {
    return pos < limit;
  }

  /** Reads the next line; returns its length, {@link #EOF} or {@link #TOO_LONG}. */
  int next() throws IOException {
    int len = 0;
    boolean overflow = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (len == 0 && !overflow) {
            return EOF;
          }
          return overflow ? TOO_LONG : len;
        }
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      int chunk = pos - start;
      if (!overflow) {
        if (len + chunk > maxLineBytes) {
          overflow = true;
        } else {
          ensure(len + chunk);
          System.arraycopy(buf, start, line, len, chunk);
          len += chunk;
        }
      }
      if (pos < limit) {
        pos++; // the newline
        return overflow ? TOO_LONG : len;
      }
    }
  }

  private void ensure(int capacity) {
    if (capacity > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(capacity, line.length * 2)));
    }
  }
}

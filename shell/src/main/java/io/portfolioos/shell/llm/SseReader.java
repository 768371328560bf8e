package io.portfolioos.shell.llm;

import java.io.BufferedReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Server-sent events as the providers send them: {@code event:} and {@code data:} lines, a blank
 * line ends an event, {@code :} starts a comment. Multi-line data is joined with newlines.
 */
final class SseReader {
  record Event(@Nullable String name, String data) {}

  private final BufferedReader in;

  SseReader(BufferedReader in) {
    this.in = in;
  }

  /** The next event, or null at the end of the stream. */
  @Nullable Event next() throws IOException {
    String name = null;
    StringBuilder data = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(name, data.toString());
        }
        name = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        name = value;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    return data == null ? null : new Event(name, data.toString());
  }
}

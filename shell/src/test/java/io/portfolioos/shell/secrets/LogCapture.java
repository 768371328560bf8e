package io.portfolioos.shell.secrets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything the app logs while a test runs, stack traces included, as text. */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger root = Logger.getLogger("io.portfolioos");
  private final Level previous;
  private final List<String> lines = new ArrayList<>();

  LogCapture() {
    previous = root.getLevel();
    root.setLevel(Level.ALL);
    setLevel(Level.ALL);
    root.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord r) {
    StringWriter w = new StringWriter();
    w.append(r.getLevel().getName()).append(' ').append(String.valueOf(r.getMessage()));
    if (r.getParameters() != null) {
      for (Object p : r.getParameters()) {
        w.append(' ').append(String.valueOf(p));
      }
    }
    if (r.getThrown() != null) {
      r.getThrown().printStackTrace(new PrintWriter(w));
    }
    lines.add(w.toString());
  }

  synchronized String text() {
    return String.join("\n", lines);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
    root.setLevel(previous);
  }
}

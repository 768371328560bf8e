package io.portfolioos.sidecar.ledger;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV record (RFC 4180 quoting, {@code ""} for a quote inside a quoted field). */
final class CsvLine {
  private CsvLine() {}

  static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == delimiter) {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString().strip());
    return fields;
  }
}

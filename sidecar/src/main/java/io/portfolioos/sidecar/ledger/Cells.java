package io.portfolioos.sidecar.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Cleans broker cells into the generic format: {@code $1,234.56} and {@code (12.00)} into plain
 * decimals, US and European dates into ISO. A cell that cannot be cleaned comes back null so the
 * preset can reject its line with a reason.
 */
final class Cells {
  private Cells() {}

  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/uuuu");
  private static final DateTimeFormatter EU = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd");

  /** {@code $1,234.56}, {@code -$5.00}, {@code ($5.00)}, {@code 12} → plain decimal; "" → null. */
  static @Nullable String usNumber(@Nullable String cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.strip();
    if (s.isEmpty() || s.equals("--")) {
      return null;
    }
    boolean negative = s.startsWith("-") || (s.startsWith("(") && s.endsWith(")"));
    s = s.replace("$", "").replace(",", "").replace("(", "").replace(")", "").replace("-", "");
    s = s.replace("+", "").strip();
    return s.matches("[0-9]*\\.?[0-9]+") ? (negative ? "-" + s : s) : null;
  }

  /** {@code 1.234,56} or {@code 1234.56} → {@code 1234.56}. */
  static @Nullable String euroNumber(@Nullable String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    String s = cell.strip().replace("€", "").replace(" ", "");
    if (s.contains(",")) {
      s = s.replace(".", "").replace(',', '.');
    }
    return s.matches("-?[0-9]*\\.?[0-9]+") ? s : null;
  }

  static @Nullable String abs(@Nullable String plain) {
    return plain == null ? null : plain.startsWith("-") ? plain.substring(1) : plain;
  }

  /** {@code 01/05/2024}, {@code 01/05/2024 as of 01/04/2024} (the as-of date wins). */
  static @Nullable String usDate(@Nullable String cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.strip();
    int asOf = s.indexOf(" as of ");
    if (asOf >= 0) {
      s = s.substring(asOf + " as of ".length()).strip();
    }
    return parse(s, US);
  }

  /** ISO, US, European or compact ({@code 20240105}) dates; IBKR's {@code 20240105;093000} too. */
  static @Nullable String anyDate(@Nullable String cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.strip();
    int cut = s.indexOf(';');
    if (cut < 0) {
      cut = s.indexOf(' ');
    }
    if (cut > 0) {
      s = s.substring(0, cut);
    }
    for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US, EU, COMPACT)) {
      String d = parse(s, f);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static @Nullable String parse(String s, DateTimeFormatter f) {
    try {
      return LocalDate.parse(s, f).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String key(String header) {
    return header.strip().toLowerCase(Locale.ROOT);
  }

  /** The cell under {@code column} (case-insensitive), or null when the row is shorter. */
  static @Nullable String get(List<String> row, List<String> header, String column) {
    int i = header.indexOf(key(column));
    return i >= 0 && i < row.size() ? row.get(i) : null;
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

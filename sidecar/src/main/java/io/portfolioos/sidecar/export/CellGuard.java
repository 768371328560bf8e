package io.portfolioos.sidecar.export;

/**
 * Spreadsheet formula injection: a CSV text cell that begins with {@code = + - @}, a tab or a
 * carriage return is run as a formula by Excel, LibreOffice and Sheets. Such cells get a leading
 * apostrophe, which spreadsheets show as text. Only text columns pass through here: a negative
 * amount is a number and stays {@code -12.5}.
 */
final class CellGuard {
  private CellGuard() {}

  /** The SQL expression that neutralizes the text {@code expression} (NULL stays NULL). */
  static String neutralized(String expression) {
    return "CASE WHEN left("
        + expression
        + ", 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || "
        + expression
        + " ELSE "
        + expression
        + " END";
  }
}

package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.TransactionType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Fidelity's "Accounts History" CSV: blank preamble lines, the {@code Run Date,Action,Symbol,…}
 * header, rows newest first, then a footer of disclaimers and "Date downloaded" that are not rows.
 */
final class FidelityFormat implements BrokerFormat {
  @Override
  public Broker broker() {
    return Broker.fidelity;
  }

  @Override
  public boolean recognizes(List<String> head) {
    return head.stream().anyMatch(FidelityFormat::isHeader);
  }

  private static boolean isHeader(String line) {
    return line.strip().toLowerCase(Locale.ROOT).startsWith("run date,action,symbol");
  }

  @Override
  public boolean newestFirst() {
    return true;
  }

  @Override
  public StagedRows parse(List<String> lines) {
    StagedRows out = new StagedRows();
    int start = 0;
    while (start < lines.size() && !isHeader(lines.get(start))) {
      start++;
    }
    List<String> header = CsvLine.split(lines.get(start), ',').stream().map(Cells::key).toList();
    for (int i = start + 1; i < lines.size(); i++) {
      long line = i + 1L;
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = CsvLine.split(lines.get(i), ',');
      // the footer: "The data and information in this spreadsheet is provided…", "Date downloaded…"
      if (f.size() < 5 && Cells.usDate(f.getFirst()) == null) {
        continue;
      }
      // 01/16/2024, YOU BOUGHT APPLE INC (AAPL) (Cash), AAPL, APPLE INC, Cash, 10, 185.5, ...
      String date = Cells.usDate(Cells.get(f, header, "Run Date"));
      if (date == null) {
        out.reject(line, "bad date '" + f.getFirst() + "' (expected MM/DD/YYYY)");
        continue;
      }
      String action = String.valueOf(Cells.get(f, header, "Action"));
      String amount = Cells.usNumber(Cells.get(f, header, "Amount ($)"));
      TransactionType type = type(action, amount);
      if (type == null) {
        out.reject(line, "unsupported Fidelity action '" + action.strip() + "'");
        continue;
      }
      out.add(
          new StagedRows.Row(
              line,
              date,
              type,
              Cells.blankToNull(Cells.get(f, header, "Symbol")),
              Cells.abs(Cells.usNumber(Cells.get(f, header, "Quantity"))),
              Cells.usNumber(Cells.get(f, header, "Price ($)")),
              fees(
                  Cells.usNumber(Cells.get(f, header, "Commission ($)")),
                  Cells.usNumber(Cells.get(f, header, "Fees ($)"))),
              amount,
              "USD",
              null,
              Cells.blankToNull(Cells.get(f, header, "Description")),
              null));
    }
    return out;
  }

  private static @Nullable String fees(@Nullable String commission, @Nullable String fees) {
    if (commission == null && fees == null) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (String s : new String[] {commission, fees}) {
      if (s != null) {
        sum = sum.add(new BigDecimal(s).abs());
      }
    }
    return sum.toPlainString();
  }

  /** Fidelity describes each row in words; the leading words decide its type. */
  private static @Nullable TransactionType type(String action, @Nullable String amount) {
    String a = action.strip().toUpperCase(Locale.ROOT);
    boolean in = amount != null && !amount.startsWith("-");
    if (a.startsWith("YOU BOUGHT") || a.startsWith("REINVESTMENT")) {
      return TransactionType.BUY;
    }
    if (a.startsWith("YOU SOLD")) {
      return TransactionType.SELL;
    }
    if (a.startsWith("DIVIDEND RECEIVED")
        || a.startsWith("LONG-TERM CAP GAIN")
        || a.startsWith("SHORT-TERM CAP GAIN")) {
      return TransactionType.DIVIDEND;
    }
    if (a.startsWith("INTEREST EARNED")) {
      return TransactionType.INTEREST;
    }
    if (a.startsWith("RETURN OF CAPITAL")) {
      return TransactionType.RETURN_OF_CAPITAL;
    }
    if (a.startsWith("FEE CHARGED") || a.startsWith("FOREIGN TAX PAID")) {
      return TransactionType.FEE;
    }
    if (a.startsWith("ELECTRONIC FUNDS TRANSFER")
        || a.startsWith("CASH CONTRIBUTION")
        || a.startsWith("TRANSFERRED FROM")
        || a.startsWith("TRANSFERRED TO")) {
      return in ? TransactionType.DEPOSIT : TransactionType.WITHDRAWAL;
    }
    return null;
  }
}

package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.TransactionType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Charles Schwab's brokerage "Transactions" CSV, newest first, with an optional title line above
 * the header and a {@code Transactions Total} row at the end.
 */
final class SchwabFormat implements BrokerFormat {
  private static final String HEADER =
      "date,action,symbol,description,quantity,price,fees & comm,amount";

  @Override
  public Broker broker() {
    return Broker.schwab;
  }

  @Override
  public boolean recognizes(List<String> head) {
    return head.stream().anyMatch(l -> normalized(l).startsWith(HEADER));
  }

  @Override
  public boolean newestFirst() {
    return true;
  }

  private static String normalized(String line) {
    return String.join(",", CsvLine.split(line, ',')).toLowerCase(Locale.ROOT);
  }

  @Override
  public StagedRows parse(List<String> lines) {
    StagedRows out = new StagedRows();
    int start = 0;
    while (start < lines.size() && !normalized(lines.get(start)).startsWith(HEADER)) {
      start++;
    }
    for (int i = start + 1; i < lines.size(); i++) {
      long line = i + 1L;
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = CsvLine.split(lines.get(i), ',');
      // "Transactions Total","","","","","","","-$1,234.56"
      if (f.getFirst().startsWith("Transactions Total")) {
        continue;
      }
      if (f.size() < 8) {
        out.reject(line, "expected 8 columns like the Schwab header, found " + f.size());
        continue;
      }
      // "01/05/2024 as of 01/04/2024" or "01/05/2024"
      String date = Cells.usDate(f.get(0));
      if (date == null) {
        out.reject(line, "bad date '" + f.get(0) + "' (expected MM/DD/YYYY)");
        continue;
      }
      String action = f.get(1);
      String symbol = Cells.blankToNull(f.get(2));
      String quantity = Cells.abs(Cells.usNumber(f.get(4)));
      String price = Cells.usNumber(f.get(5));
      String fees = Cells.usNumber(f.get(6));
      String amount = Cells.usNumber(f.get(7));
      TransactionType type = type(action, amount);
      if (type == null) {
        out.reject(line, "unsupported Schwab action '" + action + "'");
        continue;
      }
      out.add(
          new StagedRows.Row(
              line,
              date,
              type,
              symbol,
              quantity,
              price,
              fees,
              amount,
              "USD",
              null,
              Cells.blankToNull(f.get(3)),
              null));
    }
    return out;
  }

  /**
   * "Buy","Sell"; "Reinvest Shares" is the buy half of a reinvested dividend and "Reinvest
   * Dividend" its cash half, so they map to BUY and DIVIDEND (income counted once); "Stock Split"
   * gives the added shares; cash movements take their direction from the amount's sign.
   */
  private static @Nullable TransactionType type(String action, @Nullable String amount) {
    boolean in = amount != null && !amount.startsWith("-");
    return switch (action.strip().toLowerCase(Locale.ROOT)) {
      case "buy", "reinvest shares", "buy to open" -> TransactionType.BUY;
      case "sell", "sell to close" -> TransactionType.SELL;
      case "reinvest dividend",
          "qualified dividend",
          "cash dividend",
          "non-qualified div",
          "special qual div",
          "long term cap gain",
          "short term cap gain",
          "qual div reinvest",
          "pr yr div reinvest" ->
          TransactionType.DIVIDEND;
      case "bank interest", "credit interest", "bond interest" -> TransactionType.INTEREST;
      case "stock split" -> TransactionType.SPLIT;
      case "return of capital" -> TransactionType.RETURN_OF_CAPITAL;
      case "service fee", "adr mgmt fee", "foreign tax paid", "margin interest" ->
          TransactionType.FEE;
      case "moneylink transfer", "wire funds", "wire received", "funds received", "journal" ->
          in ? TransactionType.DEPOSIT : TransactionType.WITHDRAWAL;
      default -> null;
    };
  }
}

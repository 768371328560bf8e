package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.TransactionType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Vanguard's download: a holdings section ({@code Account Number,Investment Name,Symbol,Shares,…}),
 * blank lines, then the transactions section ({@code Account Number,Trade Date,Settlement Date,
 * Transaction Type,…}), newest first. Only the transactions are imported; the holdings are what
 * {@code ledger.reconcile} can be fed with.
 */
final class VanguardFormat implements BrokerFormat {
  @Override
  public Broker broker() {
    return Broker.vanguard;
  }

  @Override
  public boolean recognizes(List<String> head) {
    return !head.isEmpty()
        && head.getFirst().toLowerCase(Locale.ROOT).startsWith("account number,investment name");
  }

  private static boolean isTransactionHeader(String line) {
    return line.toLowerCase(Locale.ROOT).startsWith("account number,trade date");
  }

  @Override
  public boolean newestFirst() {
    return true;
  }

  @Override
  public StagedRows parse(List<String> lines) {
    StagedRows out = new StagedRows();
    int start = 0;
    while (start < lines.size() && !isTransactionHeader(lines.get(start))) {
      start++;
    }
    if (start == lines.size()) {
      return out;
    }
    List<String> header = CsvLine.split(lines.get(start), ',').stream().map(Cells::key).toList();
    for (int i = start + 1; i < lines.size(); i++) {
      long line = i + 1L;
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = CsvLine.split(lines.get(i), ',');
      // 12345678,2024-02-01,2024-02-02,Buy,Buy,VANGUARD TOTAL STOCK MARKET ETF,VTI,10,230.5,…
      String date = Cells.anyDate(Cells.get(f, header, "Trade Date"));
      if (date == null) {
        out.reject(line, "bad trade date '" + Cells.get(f, header, "Trade Date") + "'");
        continue;
      }
      String kind = String.valueOf(Cells.get(f, header, "Transaction Type"));
      String net = Cells.usNumber(Cells.get(f, header, "Net Amount"));
      TransactionType type = type(kind, net);
      if (type == null) {
        out.reject(line, "unsupported Vanguard transaction type '" + kind + "'");
        continue;
      }
      String symbol = Cells.blankToNull(Cells.get(f, header, "Symbol"));
      out.add(
          new StagedRows.Row(
              line,
              date,
              type,
              symbol,
              Cells.abs(Cells.usNumber(Cells.get(f, header, "Shares"))),
              Cells.usNumber(Cells.get(f, header, "Share Price")),
              Cells.abs(Cells.usNumber(Cells.get(f, header, "Commissions and Fees"))),
              net,
              "USD",
              null,
              Cells.blankToNull(Cells.get(f, header, "Transaction Description")),
              null));
    }
    return out;
  }

  private static @Nullable TransactionType type(String kind, @Nullable String net) {
    boolean in = net != null && !net.startsWith("-");
    return switch (kind.strip().toLowerCase(Locale.ROOT)) {
      case "buy", "reinvestment" -> TransactionType.BUY;
      case "sell" -> TransactionType.SELL;
      case "dividend", "capital gain (lt)", "capital gain (st)" -> TransactionType.DIVIDEND;
      case "interest" -> TransactionType.INTEREST;
      case "stock split" -> TransactionType.SPLIT;
      case "return of capital" -> TransactionType.RETURN_OF_CAPITAL;
      case "fee" -> TransactionType.FEE;
      case "funds received" -> TransactionType.DEPOSIT;
      case "withdrawal" -> TransactionType.WITHDRAWAL;
      case "transfer (incoming)", "transfer (outgoing)" ->
          in ? TransactionType.DEPOSIT : TransactionType.WITHDRAWAL;
      default -> null;
    };
  }
}

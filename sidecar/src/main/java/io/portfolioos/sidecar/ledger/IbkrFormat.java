package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.TransactionType;
import java.util.List;
import java.util.Locale;

/**
 * Interactive Brokers Flex Query "Trades" CSV. Flex columns are chosen by the user, so cells are
 * found by header name; the header may repeat (one block per account) and is skipped each time.
 * Needs Symbol, TradeDate (or DateTime), Quantity, TradePrice and Buy/Sell; uses IBCommission,
 * NetCash, CurrencyPrimary and Description when present. Oldest first.
 */
final class IbkrFormat implements BrokerFormat {
  @Override
  public Broker broker() {
    return Broker.ibkr;
  }

  @Override
  public boolean recognizes(List<String> head) {
    return !head.isEmpty() && isHeader(head.getFirst());
  }

  private static boolean isHeader(String line) {
    List<String> names = CsvLine.split(line, ',').stream().map(Cells::key).toList();
    return names.contains("tradeprice") && names.contains("buy/sell") && names.contains("symbol");
  }

  @Override
  public boolean newestFirst() {
    return false;
  }

  @Override
  public StagedRows parse(List<String> lines) {
    StagedRows out = new StagedRows();
    List<String> header = CsvLine.split(lines.getFirst(), ',').stream().map(Cells::key).toList();
    String dateColumn = header.contains("tradedate") ? "TradeDate" : "DateTime";
    for (int i = 1; i < lines.size(); i++) {
      long line = i + 1L;
      if (lines.get(i).isBlank() || isHeader(lines.get(i))) {
        continue;
      }
      List<String> f = CsvLine.split(lines.get(i), ',');
      // "U1234567","USD","AAPL","APPLE INC","20240105","10","185.5","-1","-1856","BUY"
      String date = Cells.anyDate(Cells.get(f, header, dateColumn));
      if (date == null) {
        out.reject(line, "bad " + dateColumn + " '" + Cells.get(f, header, dateColumn) + "'");
        continue;
      }
      String side = String.valueOf(Cells.get(f, header, "Buy/Sell")).toUpperCase(Locale.ROOT);
      TransactionType type =
          switch (side) {
            case "BUY" -> TransactionType.BUY;
            case "SELL" -> TransactionType.SELL;
            default -> null;
          };
      if (type == null) {
        out.reject(line, "unsupported Buy/Sell '" + side + "'");
        continue;
      }
      String currency = Cells.blankToNull(Cells.get(f, header, "CurrencyPrimary"));
      out.add(
          new StagedRows.Row(
              line,
              date,
              type,
              Cells.blankToNull(Cells.get(f, header, "Symbol")),
              Cells.abs(Cells.usNumber(Cells.get(f, header, "Quantity"))),
              Cells.usNumber(Cells.get(f, header, "TradePrice")),
              Cells.abs(Cells.usNumber(Cells.get(f, header, "IBCommission"))),
              Cells.usNumber(Cells.get(f, header, "NetCash")),
              currency,
              null,
              Cells.blankToNull(Cells.get(f, header, "Description")),
              null));
    }
    return out;
  }
}

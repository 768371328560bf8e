package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.TransactionType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Trade Republic transaction export as semicolon-separated CSV, in German or English headers
 * ({@code Datum;Typ;Wert;Notiz;ISIN;Stück;Gebühren;Steuern} / {@code
 * Date;Type;Value;Note;ISIN;Shares;Fees;Taxes}), European decimals, amounts in EUR, securities
 * identified by ISIN. {@code Wert} is the cash effect: negative for a purchase.
 */
final class TradeRepublicFormat implements BrokerFormat {
  private static final List<String> GERMAN =
      List.of("datum", "typ", "wert", "notiz", "isin", "stück", "gebühren", "steuern");
  private static final List<String> ENGLISH =
      List.of("date", "type", "value", "note", "isin", "shares", "fees", "taxes");

  @Override
  public Broker broker() {
    return Broker.traderepublic;
  }

  @Override
  public boolean recognizes(List<String> head) {
    return !head.isEmpty() && columns(head.getFirst()) != null;
  }

  private static @Nullable List<String> columns(String header) {
    List<String> names =
        CsvLine.split(header.replace("\uFEFF", ""), ';').stream().map(Cells::key).toList();
    return names.containsAll(GERMAN) ? GERMAN : names.containsAll(ENGLISH) ? ENGLISH : null;
  }

  @Override
  public boolean newestFirst() {
    return false;
  }

  @Override
  public StagedRows parse(List<String> lines) {
    StagedRows out = new StagedRows();
    List<String> names = columns(lines.getFirst());
    List<String> header =
        CsvLine.split(lines.getFirst().replace("\uFEFF", ""), ';').stream()
            .map(Cells::key)
            .toList();
    for (int i = 1; i < lines.size(); i++) {
      long line = i + 1L;
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = CsvLine.split(lines.get(i), ';');
      // 2024-01-15;Kauf;-1.002,50;Apple Inc.;US0378331005;5,5;1,00;
      String date = Cells.anyDate(Cells.get(f, header, names.get(0)));
      if (date == null) {
        out.reject(line, "bad date '" + Cells.get(f, header, names.get(0)) + "'");
        continue;
      }
      String kind = String.valueOf(Cells.get(f, header, names.get(1)));
      TransactionType type = type(kind);
      if (type == null) {
        out.reject(line, "unsupported Trade Republic type '" + kind + "'");
        continue;
      }
      String value = Cells.euroNumber(Cells.get(f, header, names.get(2)));
      String raw = Cells.get(f, header, names.get(2));
      if (value == null && raw != null && !raw.isBlank()) {
        out.reject(line, "bad number in " + names.get(2) + ": '" + raw + "'");
        continue;
      }
      out.add(
          new StagedRows.Row(
              line,
              date,
              type,
              Cells.blankToNull(Cells.get(f, header, names.get(4))),
              Cells.abs(Cells.euroNumber(Cells.get(f, header, names.get(5)))),
              null,
              Cells.abs(Cells.euroNumber(Cells.get(f, header, names.get(6)))),
              value,
              "EUR",
              null,
              Cells.blankToNull(Cells.get(f, header, names.get(3))),
              null));
    }
    return out;
  }

  private static @Nullable TransactionType type(String kind) {
    return switch (kind.strip().toLowerCase(Locale.ROOT)) {
      case "kauf", "buy", "sparplan", "savings plan" -> TransactionType.BUY;
      case "verkauf", "sell" -> TransactionType.SELL;
      case "dividende", "dividend", "ausschüttung", "distribution" -> TransactionType.DIVIDEND;
      case "zinsen", "interest" -> TransactionType.INTEREST;
      case "einlage", "deposit" -> TransactionType.DEPOSIT;
      case "entnahme", "removal", "withdrawal" -> TransactionType.WITHDRAWAL;
      case "gebühren", "fees" -> TransactionType.FEE;
      default -> null;
    };
  }
}

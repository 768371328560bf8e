package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.TransactionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the packed events of one (account, symbol) as {@link LotEngine} queries them: events
 * separated by {@code ;}, fields by {@code ,} — id, line, epoch day, type ordinal, quantity, price,
 * fees, amount, split to, split from, acquired epoch day. Decimals are DuckDB's full-scale text
 * ({@code 12.50000000}); their digits are the scaled long.
 */
final class EventText {
  private static final TransactionType[] TYPES = TransactionType.values();

  private final String text;
  private int pos;

  private EventText(String text) {
    this.text = text;
  }

  static List<Event> parse(String text) {
    EventText p = new EventText(text);
    List<Event> out = new ArrayList<>(text.length() / 64 + 1);
    while (p.pos < text.length()) {
      out.add(
          new Event(
              p.number(0),
              p.number(0),
              (int) p.number(0),
              TYPES[(int) p.number(0)],
              p.number(Fixed.QTY_SCALE),
              p.number(Fixed.QTY_SCALE),
              p.number(Fixed.MONEY_SCALE),
              p.number(Fixed.MONEY_SCALE),
              p.number(Fixed.QTY_SCALE),
              p.number(Fixed.QTY_SCALE),
              (int) p.number(0)));
    }
    return out;
  }

  /** The next field as a long scaled by {@code scale} decimals; consumes its separator. */
  private long number(int scale) {
    boolean negative = false;
    long value = 0;
    int decimals = -1;
    while (pos < text.length()) {
      char ch = text.charAt(pos++);
      if (ch == ',' || ch == ';') {
        break;
      }
      if (ch == '-') {
        negative = true;
      } else if (ch == '.') {
        decimals = 0;
      } else {
        value = Math.addExact(Math.multiplyExact(value, 10), ch - '0');
        if (decimals >= 0) {
          decimals++;
        }
      }
    }
    for (int d = Math.max(decimals, 0); d < scale; d++) {
      value = Math.multiplyExact(value, 10);
    }
    return negative ? -value : value;
  }
}

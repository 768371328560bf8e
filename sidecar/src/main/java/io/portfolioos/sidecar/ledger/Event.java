package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.TransactionType;

/**
 * A transaction as the lot engine sees it: scaled longs (see {@link Fixed}) and epoch days. {@code
 * splitTo}/{@code splitFrom} are 0 for a split given as added shares in {@code qty}; {@code
 * acquiredDay} is the original date of a TRANSFER_IN (else {@code day}).
 *
 * <p>Mutable so that a replay can load each row of a group into one instance instead of allocating
 * a million (that garbage made the collector copy the open lots again and again while the books
 * replayed): a {@link LotBook} reads an event only while it applies it and never keeps it.
 */
final class Event {
  private long id;
  private long line;
  private int day;
  private TransactionType type;
  private long qty;
  private long price;
  private long fees;
  private long amount;
  private long splitTo;
  private long splitFrom;
  private int acquiredDay;

  /** An empty event, for {@link #set} to load. */
  Event() {}

  @SuppressWarnings("TooManyParameters") // one transaction, field by field
  Event(
      long id,
      long line,
      int day,
      TransactionType type,
      long qty,
      long price,
      long fees,
      long amount,
      long splitTo,
      long splitFrom,
      int acquiredDay) {
    set(id, line, day, type, qty, price, fees, amount, splitTo, splitFrom, acquiredDay);
  }

  /** Loads another transaction into this instance. */
  @SuppressWarnings("TooManyParameters") // one transaction, field by field
  void set(
      long id,
      long line,
      int day,
      TransactionType type,
      long qty,
      long price,
      long fees,
      long amount,
      long splitTo,
      long splitFrom,
      int acquiredDay) {
    this.id = id;
    this.line = line;
    this.day = day;
    this.type = type;
    this.qty = qty;
    this.price = price;
    this.fees = fees;
    this.amount = amount;
    this.splitTo = splitTo;
    this.splitFrom = splitFrom;
    this.acquiredDay = acquiredDay;
  }

  long id() {
    return id;
  }

  long line() {
    return line;
  }

  int day() {
    return day;
  }

  TransactionType type() {
    return type;
  }

  long qty() {
    return qty;
  }

  long price() {
    return price;
  }

  long fees() {
    return fees;
  }

  long amount() {
    return amount;
  }

  long splitTo() {
    return splitTo;
  }

  long splitFrom() {
    return splitFrom;
  }

  int acquiredDay() {
    return acquiredDay;
  }

  /** Basis of an acquisition: the cash it cost (fees included), else quantity × price + fees. */
  long acquisitionCost() {
    return amount != 0 ? Math.abs(amount) : Math.addExact(Fixed.cost(qty, price), fees);
  }

  /** Proceeds of a sale: the cash it brought (fees deducted), else quantity × price − fees. */
  long saleProceeds() {
    return amount != 0 ? Math.abs(amount) : Math.subtractExact(Fixed.cost(qty, price), fees);
  }
}

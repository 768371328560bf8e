package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.TransactionType;

/**
 * A transaction as the lot engine sees it: scaled longs (see {@link Fixed}) and epoch days, so a
 * million of them replay without allocation in the loop. {@code splitTo}/{@code splitFrom} are 0
 * for a split given as added shares in {@code qty}; {@code acquiredDay} is the original date of a
 * TRANSFER_IN (else {@code day}).
 */
record Event(
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

  /** Basis of an acquisition: the cash it cost (fees included), else quantity × price + fees. */
  long acquisitionCost() {
    return amount != 0 ? Math.abs(amount) : Math.addExact(Fixed.cost(qty, price), fees);
  }

  /** Proceeds of a sale: the cash it brought (fees deducted), else quantity × price − fees. */
  long saleProceeds() {
    return amount != 0 ? Math.abs(amount) : Math.subtractExact(Fixed.cost(qty, price), fees);
  }
}

package io.portfolioos.contract.ledger;

/** What a ledger row does; see docs/ledger.md for the columns each type uses. */
public enum TransactionType {
  BUY,
  SELL,
  /** Cash dividend: income, no change to lots. */
  DIVIDEND,
  /** Dividend reinvested: income and a buy of {@code quantity} at {@code price}. */
  REINVEST,
  INTEREST,
  FEE,
  /** Stock split {@code ratio} "to:from": every open lot's quantity times to/from, basis kept. */
  SPLIT,
  DEPOSIT,
  WITHDRAWAL,
  /** Shares moved in with their original cost ({@code amount}) and acquisition date. */
  TRANSFER_IN,
  /** Shares moved out; their basis leaves with them, no gain is realized. */
  TRANSFER_OUT,
  /** Return of capital: {@code amount} lowers the basis of the open lots pro rata. */
  RETURN_OF_CAPITAL
}

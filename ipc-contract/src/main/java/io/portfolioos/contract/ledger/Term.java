package io.portfolioos.contract.ledger;

/** Holding period of a disposal: LONG when sold more than one year after acquisition. */
public enum Term {
  SHORT,
  LONG
}

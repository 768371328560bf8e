package io.portfolioos.contract.ledger;

/** The CSV dialect of an import; {@code auto} detects it from the header. */
public enum Broker {
  auto,
  generic,
  schwab,
  fidelity,
  vanguard,
  ibkr,
  traderepublic
}

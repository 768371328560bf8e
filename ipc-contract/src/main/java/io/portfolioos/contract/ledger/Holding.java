package io.portfolioos.contract.ledger;

import java.math.BigDecimal;

/** A position computed from the ledger: open quantity and basis, gains realized so far. */
public record Holding(
    long accountId,
    String symbol,
    BigDecimal quantity,
    BigDecimal costBasis,
    BigDecimal averageCost,
    BigDecimal realizedGain,
    int openLots) {}

package io.portfolioos.contract.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An open tax lot. {@code lotId} is the id of the transaction that acquired it (stable across
 * recomputation, so {@code ledger.assignLots} can name it); {@code quantity} is the acquired
 * quantity adjusted for later splits; {@code costBasis} is the basis of what {@code remaining}.
 */
public record Lot(
    long lotId,
    LocalDate acquired,
    BigDecimal quantity,
    BigDecimal remaining,
    BigDecimal costPerShare,
    BigDecimal costBasis) {}

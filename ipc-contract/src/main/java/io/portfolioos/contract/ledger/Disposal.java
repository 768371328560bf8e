package io.portfolioos.contract.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The part of a sale that consumed one lot. */
public record Disposal(
    long accountId,
    String symbol,
    long transactionId,
    long lotId,
    LocalDate acquired,
    LocalDate sold,
    BigDecimal quantity,
    BigDecimal proceeds,
    BigDecimal costBasis,
    BigDecimal gain,
    Term term) {}

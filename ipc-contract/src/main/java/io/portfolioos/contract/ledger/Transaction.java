package io.portfolioos.contract.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One ledger row. {@code line} is its line in the imported file; {@code acquired} is the original
 * acquisition date of a TRANSFER_IN; {@code flag} says why the lot engine treated it specially
 * (e.g. {@code NO_LOT_ASSIGNMENT}: a SPECIFIC-account sale that fell back to FIFO).
 */
public record Transaction(
    long id,
    long accountId,
    @Nullable Long batchId,
    long line,
    LocalDate date,
    TransactionType type,
    @Nullable String symbol,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal fees,
    BigDecimal amount,
    String currency,
    @Nullable String ratio,
    @Nullable LocalDate acquired,
    @Nullable String description,
    @Nullable String flag) {}

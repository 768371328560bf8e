package io.portfolioos.contract.ledger;

/** Result of {@code ledger.deleteBatch}. */
public record BatchDeleted(long batchId, long transactionsDeleted) {}

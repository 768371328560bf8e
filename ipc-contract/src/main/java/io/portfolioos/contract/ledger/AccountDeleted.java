package io.portfolioos.contract.ledger;

/** Result of {@code accounts.delete}: how many transactions went with the account. */
public record AccountDeleted(long id, long transactionsDeleted) {}

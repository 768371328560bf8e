package io.portfolioos.contract.ledger;

/** A line of an import file that could not be read, with its 1-based line number. */
public record RejectedLine(long line, String reason) {}

package io.portfolioos.contract.ledger;

import org.jspecify.annotations.Nullable;

/** An account at an institution; every transaction belongs to exactly one. */
public record Account(
    long id,
    String name,
    AccountType type,
    @Nullable String institution,
    String currency,
    CostBasisMethod costBasisMethod) {}

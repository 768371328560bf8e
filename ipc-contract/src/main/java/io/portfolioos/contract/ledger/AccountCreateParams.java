package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** Params of {@code accounts.create}; currency defaults to USD, the method to FIFO. */
public record AccountCreateParams(
    String name,
    AccountType type,
    @Nullable String institution,
    @Nullable String currency,
    @Nullable CostBasisMethod costBasisMethod) {
  public AccountCreateParams {
    Check.notBlank(name, "name");
    Check.required(type, "type");
    currency = currency == null ? "USD" : Currencies.check(currency, "currency");
    costBasisMethod = costBasisMethod == null ? CostBasisMethod.FIFO : costBasisMethod;
  }
}

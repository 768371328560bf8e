package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** Params of {@code accounts.update}: the fields given replace the stored ones. */
public record AccountUpdateParams(
    Long id,
    @Nullable String name,
    @Nullable AccountType type,
    @Nullable String institution,
    @Nullable String currency,
    @Nullable CostBasisMethod costBasisMethod) {
  public AccountUpdateParams {
    Check.required(id, "id");
    if (name != null) {
      Check.notBlank(name, "name");
    }
    if (currency != null) {
      currency = Currencies.check(currency, "currency");
    }
  }
}

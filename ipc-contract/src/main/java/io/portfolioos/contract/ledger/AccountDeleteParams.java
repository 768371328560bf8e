package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code accounts.delete}: refused while the account has transactions unless {@code
 * force}, which deletes them in the same transaction.
 */
public record AccountDeleteParams(Long id, @Nullable Boolean force) {
  public AccountDeleteParams {
    Check.required(id, "id");
    force = force != null && force;
  }
}

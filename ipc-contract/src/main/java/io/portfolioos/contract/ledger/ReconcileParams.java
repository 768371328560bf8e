package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import java.util.List;

/** Params of {@code ledger.reconcile}. */
public record ReconcileParams(Long accountId, List<ReportedPosition> reported) {
  public ReconcileParams {
    Check.required(accountId, "accountId");
    Check.required(reported, "reported");
    for (int i = 0; i < reported.size(); i++) {
      Check.required(reported.get(i), "reported[" + i + "]");
    }
    reported = List.copyOf(reported);
  }
}

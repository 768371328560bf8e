package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Params of {@code ledger.assignLots}: the specific lots a SELL in a SPECIFIC account sells. */
public record AssignLotsParams(Long transactionId, List<LotAssignment> lots) {
  public AssignLotsParams {
    Check.required(transactionId, "transactionId");
    Check.required(lots, "lots");
    Check.that(!lots.isEmpty(), "lots", "must name at least one lot");
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < lots.size(); i++) {
      Check.required(lots.get(i), "lots[" + i + "]");
      Check.that(seen.add(lots.get(i).lotId()), "lots[" + i + "].lotId", "is named twice");
    }
    lots = List.copyOf(lots);
  }
}

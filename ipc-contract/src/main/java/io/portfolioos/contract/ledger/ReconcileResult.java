package io.portfolioos.contract.ledger;

import java.util.List;

/** Result of {@code ledger.reconcile}: empty when the ledger agrees with the broker. */
public record ReconcileResult(List<Discrepancy> discrepancies) {}

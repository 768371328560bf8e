package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;

/** Params of {@code ledger.deleteBatch}. */
public record BatchParams(Long batchId) {
  public BatchParams {
    Check.required(batchId, "batchId");
  }
}

package io.portfolioos.contract.ledger;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** Params of {@code ledger.importCsv}: a CSV file on this machine into one account. */
public record ImportCsvParams(
    String path, Long accountId, @Nullable Broker broker, @Nullable Boolean dryRun) {
  public ImportCsvParams {
    Check.notBlank(path, "path");
    Check.required(accountId, "accountId");
    broker = broker == null ? Broker.auto : broker;
    dryRun = dryRun != null && dryRun;
  }
}

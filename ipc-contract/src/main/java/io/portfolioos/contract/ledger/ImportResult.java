package io.portfolioos.contract.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of {@code ledger.importCsv}. {@code batchId} is null for a dry run. {@code duplicates}
 * counts rows already in the account (an overlapping or repeated export).
 */
public record ImportResult(
    @Nullable Long batchId,
    Broker broker,
    long imported,
    long duplicates,
    List<RejectedLine> rejected) {}

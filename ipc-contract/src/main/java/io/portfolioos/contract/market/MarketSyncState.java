package io.portfolioos.contract.market;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the database holds for one symbol or series and how its last sync went.
 *
 * @param source {@code yahoo} or {@code fred}
 * @param from first day of the range already fetched (absent when nothing was ever fetched)
 */
public record MarketSyncState(
    SourceKind source,
    String key,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    Instant lastSyncAt,
    SyncStatus lastStatus,
    @Nullable String lastError) {}

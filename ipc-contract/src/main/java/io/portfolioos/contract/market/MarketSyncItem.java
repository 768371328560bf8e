package io.portfolioos.contract.market;

import org.jspecify.annotations.Nullable;

/**
 * The outcome for one symbol or series.
 *
 * @param rows rows written (prices or observations)
 * @param requests data requests sent for it (0 when the database already held the range)
 * @param reason why it is {@code notFound} or {@code failed}
 */
public record MarketSyncItem(
    String key, SyncStatus status, int rows, int requests, @Nullable String reason) {}

package io.portfolioos.contract.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Net worth on one day, in {@code currency}.
 *
 * @param unrealizedGain market value of the open lots minus their cost basis; absent for a past day
 *     (the ledger keeps the lots as of now)
 * @param unpriced symbols held with no price on or before {@code asOf} (valued at zero)
 */
public record NetWorth(
    LocalDate asOf,
    String currency,
    BigDecimal total,
    BigDecimal holdings,
    BigDecimal cash,
    @Nullable BigDecimal unrealizedGain,
    List<AccountValue> byAccount,
    List<AllocationSlice> byAssetClass,
    List<String> unpriced) {}

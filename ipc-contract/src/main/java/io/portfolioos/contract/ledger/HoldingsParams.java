package io.portfolioos.contract.ledger;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Params of {@code ledger.holdings}: one account or all; today or as of a past date. */
public record HoldingsParams(@Nullable Long accountId, @Nullable LocalDate asOf) {}

package io.portfolioos.contract.ledger;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A symbol whose computed position differs from the reported one (a symbol missing on either side
 * counts as quantity 0). {@code reportedCostBasis} is null when the broker gave none.
 */
public record Discrepancy(
    String symbol,
    BigDecimal computedQuantity,
    BigDecimal reportedQuantity,
    BigDecimal computedCostBasis,
    @Nullable BigDecimal reportedCostBasis) {}

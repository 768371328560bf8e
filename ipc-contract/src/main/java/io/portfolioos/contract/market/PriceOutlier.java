package io.portfolioos.contract.market;

import java.time.LocalDate;

/**
 * A day whose log return is far from the symbol's usual ones.
 *
 * @param score |return − median| / (1.4826 · MAD), the robust z-score; flagged above 6
 */
public record PriceOutlier(LocalDate date, double logReturn, double score) {}

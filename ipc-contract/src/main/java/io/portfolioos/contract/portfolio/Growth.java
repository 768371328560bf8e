package io.portfolioos.contract.portfolio;

import java.util.List;

/** Net worth growth by month, quarter and year (start: the previous period's end). */
public record Growth(
    String currency,
    List<GrowthPoint> monthly,
    List<GrowthPoint> quarterly,
    List<GrowthPoint> annual) {}

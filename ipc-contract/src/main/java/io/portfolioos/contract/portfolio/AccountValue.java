package io.portfolioos.contract.portfolio;

import java.math.BigDecimal;

/** One account's worth in the base currency: holdings at market plus cash. */
public record AccountValue(
    long accountId, String name, String type, BigDecimal value, BigDecimal cash) {}

package io.portfolioos.contract.simulation;

/** When each year's withdrawal (and life-event cash flow) happens. */
public enum WithdrawalTiming {
  start,
  end
}

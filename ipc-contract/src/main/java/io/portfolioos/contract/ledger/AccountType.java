package io.portfolioos.contract.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The tax treatment of an account; decides nothing in the lot engine, everything in reports. */
public enum AccountType {
  TAXABLE,
  IRA,
  ROTH_IRA,
  /** A Java name cannot start with a digit; the wire name is {@code 401K}. */
  @JsonProperty("401K")
  K401,
  HSA,
  BANK,
  CRYPTO,
  OTHER
}

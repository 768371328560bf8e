package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;

/** Params of {@code llm.consent.set}: allow (or stop) sending data to one provider. */
public record LlmConsentParams(String providerId, Boolean granted) {
  public LlmConsentParams {
    Check.notBlank(providerId, "providerId");
    Check.required(granted, "granted");
  }
}

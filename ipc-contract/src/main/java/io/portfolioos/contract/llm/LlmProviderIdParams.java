package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;

/** Params naming one provider. */
public record LlmProviderIdParams(String providerId) {
  public LlmProviderIdParams {
    Check.notBlank(providerId, "providerId");
  }
}

package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code llm.providers.add}. {@code baseUrl} defaults to the kind's usual address; {@code
 * keyName} names the secret (see {@code secrets.set}) that holds the API key.
 */
public record LlmProviderAddParams(
    String name,
    LlmProviderKind kind,
    @Nullable String baseUrl,
    @Nullable String model,
    @Nullable String keyName) {
  public LlmProviderAddParams {
    Check.notBlank(name, "name");
    Check.required(kind, "kind");
    if (baseUrl != null) {
      LlmUrls.check(baseUrl, "baseUrl");
    }
  }
}

package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/** Params of {@code llm.providers.update}: absent fields keep their value. */
public record LlmProviderUpdateParams(
    String id,
    @Nullable String name,
    @Nullable String baseUrl,
    @Nullable String model,
    @Nullable String keyName) {
  public LlmProviderUpdateParams {
    Check.notBlank(id, "id");
    if (name != null) {
      Check.notBlank(name, "name");
    }
    if (baseUrl != null) {
      LlmUrls.check(baseUrl, "baseUrl");
    }
  }
}

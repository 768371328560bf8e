package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;

/** Params naming one streaming answer. */
public record LlmStreamParams(String streamId) {
  public LlmStreamParams {
    Check.notBlank(streamId, "streamId");
  }
}

package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;

/** Params naming one conversation. */
public record LlmConversationIdParams(String conversationId) {
  public LlmConversationIdParams {
    Check.notBlank(conversationId, "conversationId");
  }
}

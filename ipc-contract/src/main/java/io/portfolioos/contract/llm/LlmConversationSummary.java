package io.portfolioos.contract.llm;

import java.time.Instant;

/** One saved conversation in the list. */
public record LlmConversationSummary(
    String id, String title, Instant createdAt, Instant updatedAt, int messages) {}

package io.portfolioos.contract.llm;

import java.time.Instant;
import java.util.List;

/** A saved conversation with its messages, oldest first. */
public record LlmConversation(
    String id, String title, Instant createdAt, Instant updatedAt, List<LlmMessage> messages) {}

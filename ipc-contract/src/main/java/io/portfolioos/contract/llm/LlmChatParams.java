package io.portfolioos.contract.llm;

import io.portfolioos.contract.Check;
import org.jspecify.annotations.Nullable;

/**
 * Params of {@code llm.chat}. Without {@code conversationId} a new conversation starts; without
 * {@code providerId} the default provider answers. {@code streamId} (chosen by the caller so it can
 * listen before the first token) tags the {@code chat} events of this answer.
 */
public record LlmChatParams(
    @Nullable String conversationId,
    String message,
    @Nullable String providerId,
    @Nullable String model,
    @Nullable String streamId) {
  public static final int MAX_MESSAGE = 100_000;

  public LlmChatParams {
    Check.notBlank(message, "message");
    Check.that(message.length() <= MAX_MESSAGE, "message", "is longer than 100,000 characters");
    if (streamId != null) {
      Check.that(
          streamId.matches("[A-Za-z0-9_-]{1,64}"),
          "streamId",
          "must be 1-64 letters, digits, _ or -");
    }
  }
}

package io.portfolioos.contract.llm;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation. {@code role} is {@code user}, {@code assistant} or {@code tool}; a
 * tool message carries the call's {@code toolName}, its {@code toolInput} (JSON) and, in {@code
 * content}, the result the model saw.
 */
public record LlmMessage(
    String role,
    String content,
    @Nullable String toolName,
    @Nullable String toolInput,
    @Nullable String providerId,
    @Nullable String model,
    Instant createdAt) {}

package io.portfolioos.contract.llm;

/**
 * The answer of {@code llm.chat}: the answer now streams as {@code chat} events tagged with {@code
 * streamId} ({@code token}, {@code toolCall}, {@code toolResult}, then {@code done} or {@code
 * error}).
 */
public record LlmChatStarted(
    String streamId,
    String conversationId,
    String providerId,
    String providerName,
    String model,
    boolean leavesMachine) {}

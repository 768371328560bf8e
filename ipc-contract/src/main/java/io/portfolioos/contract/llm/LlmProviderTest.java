package io.portfolioos.contract.llm;

/**
 * The answer of {@code llm.providers.test}: one cheap call (list the models) that shows whether the
 * provider is reachable and accepts the key; {@code message} says what to do when it does not.
 */
public record LlmProviderTest(boolean ok, String code, String message, long elapsedMs) {}

package io.portfolioos.contract.llm;

/**
 * A read-only tool the model may call, and the data it sends to the provider when it does (shown
 * before the user consents to a cloud provider).
 */
public record LlmTool(String name, String description, String sends) {}

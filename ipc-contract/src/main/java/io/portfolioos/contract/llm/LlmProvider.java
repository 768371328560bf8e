package io.portfolioos.contract.llm;

import org.jspecify.annotations.Nullable;

/**
 * A configured model provider as the UI sees it. The API key itself never leaves the shell: {@code
 * keySet} only says whether the secret named {@code keyName} is stored.
 *
 * @param leavesMachine whether a chat with this provider sends data off this computer
 * @param consented whether the user agreed to that (always true when nothing leaves)
 */
public record LlmProvider(
    String id,
    String name,
    LlmProviderKind kind,
    String baseUrl,
    @Nullable String model,
    @Nullable String keyName,
    boolean keySet,
    boolean leavesMachine,
    boolean consented,
    boolean isDefault) {}

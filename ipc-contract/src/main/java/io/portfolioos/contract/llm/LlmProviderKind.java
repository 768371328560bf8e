package io.portfolioos.contract.llm;

/**
 * The wire formats and defaults the assistant knows. {@code cloud} kinds always need the user's
 * consent before a chat request; the others need it only when their address is not this machine.
 */
public enum LlmProviderKind {
  lmStudio("http://localhost:1234/v1", false),
  ollama("http://localhost:11434/v1", false),
  openaiCompatible("http://localhost:8080/v1", false),
  openai("https://api.openai.com/v1", true),
  openrouter("https://openrouter.ai/api/v1", true),
  anthropic("https://api.anthropic.com/v1", true);

  private final String defaultBaseUrl;
  private final boolean cloud;

  LlmProviderKind(String defaultBaseUrl, boolean cloud) {
    this.defaultBaseUrl = defaultBaseUrl;
    this.cloud = cloud;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public boolean cloud() {
    return cloud;
  }
}

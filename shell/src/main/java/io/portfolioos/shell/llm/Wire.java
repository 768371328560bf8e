package io.portfolioos.shell.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One provider wire format: chat with tools, and the model list. */
interface Wire {
  /**
   * Starts an answer. {@code history} holds the earlier user and assistant texts, oldest first,
   * ending with the new question.
   */
  Exchange start(
      Provider p,
      @Nullable String key,
      String model,
      String system,
      List<Said> history,
      List<ToolSpec> tools);

  List<String> models(Provider p, @Nullable String key) throws InterruptedException;

  /** A user or assistant text of the conversation so far. */
  record Said(boolean user, String text) {}
}

package io.portfolioos.shell.llm;

import java.io.IOException;
import java.util.List;

/**
 * One answer's conversation with a provider, in that provider's own wire format: each {@link #next}
 * is one streamed response; tool results go back with {@link #toolResults}.
 */
interface Exchange {
  Turn next(TokenSink sink, Cancellation cancel) throws IOException, InterruptedException;

  /** Records the model's tool calls (with its text before them) and their results. */
  void toolResults(Turn turn, List<String> results);

  /** After this, the model must answer in text: no more tool calls are offered. */
  void withoutTools();
}

package io.portfolioos.shell.llm;

/** Receives the answer's text as the provider streams it. */
@FunctionalInterface
interface TokenSink {
  void token(String text);
}

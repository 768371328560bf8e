package io.portfolioos.contract.llm;

/** Whether a streaming answer was still running when it was cancelled. */
public record LlmCancelled(boolean cancelled) {}

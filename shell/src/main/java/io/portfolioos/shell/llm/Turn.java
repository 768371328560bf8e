package io.portfolioos.shell.llm;

import java.util.List;

/** What one model response produced: its text and the tools it wants run before it goes on. */
record Turn(String text, List<ToolCall> toolCalls) {}

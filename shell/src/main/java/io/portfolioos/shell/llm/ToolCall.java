package io.portfolioos.shell.llm;

/** A tool the model asked for: the provider's call id, the tool's name, its arguments as JSON. */
record ToolCall(String id, String name, String arguments) {}

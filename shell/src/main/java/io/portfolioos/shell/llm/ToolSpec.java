package io.portfolioos.shell.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A read-only tool offered to the model: its name, what it does, what it sends to the provider, the
 * JSON schema of its arguments, the contract method it calls and how arguments become that method's
 * params (clamped to bounds so a model cannot ask for unbounded work).
 */
record ToolSpec(
    String name,
    String description,
    String sends,
    ObjectNode schema,
    String method,
    Function<JsonNode, JsonNode> params,
    Function<JsonNode, JsonNode> summarize) {}

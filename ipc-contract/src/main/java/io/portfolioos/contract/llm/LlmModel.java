package io.portfolioos.contract.llm;

/** A model a provider offers. */
public record LlmModel(String id) {}

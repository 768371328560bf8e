package io.portfolioos.contract.system;

/** The sidecar is alive: its pid, version and how long it has been up. */
public record Pong(boolean pong, long pid, String version, long uptimeMs) {}

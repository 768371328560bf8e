package io.portfolioos.contract.system;

import org.jspecify.annotations.Nullable;

/** The sidecar is alive: its pid, version and how long it has been up. */
public record Pong(boolean pong, long pid, String version, long uptimeMs, @Nullable String echo) {}

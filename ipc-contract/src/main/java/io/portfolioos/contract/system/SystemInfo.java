package io.portfolioos.contract.system;

import org.jspecify.annotations.Nullable;

/** The shell's part is absent when the sidecar answers; the sidecar's when it is not running. */
public record SystemInfo(@Nullable ShellInfo shell, @Nullable SidecarInfo sidecar) {}

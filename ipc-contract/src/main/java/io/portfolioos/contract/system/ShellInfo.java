package io.portfolioos.contract.system;

import org.jspecify.annotations.Nullable;

/**
 * The shell process and its view of the sidecar.
 *
 * @param sidecarState STARTING, RUNNING, RESTARTING, FAILED or STOPPED
 * @param sidecarFailure why the supervisor gave up, when it did
 */
public record ShellInfo(
    String version,
    long pid,
    String dataDir,
    String sidecarState,
    int sidecarRestarts,
    @Nullable String sidecarFailure) {}

package io.portfolioos.shell.sidecar;

/** The supervisor's lifecycle; the UI shows it in its status banner. */
public enum SidecarState {
  /** Spawned, not yet answering. */
  STARTING,
  RUNNING,
  /** Exited unexpectedly; a restart is scheduled with backoff. */
  RESTARTING,
  /** Gave up after repeated crashes (or a fatal exit code); waits for {@code retry()}. */
  FAILED,
  /** Stopped on purpose. */
  STOPPED
}

package io.portfolioos.contract.system;

import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/** Liveness and identity of the running app. */
public final class SystemMethods {
  private SystemMethods() {}

  /** Answered by the sidecar; the shell's health check and the UI's round-trip probe. */
  public static final Method<PingParams, Pong> PING =
      Method.read(
          "system.ping", PingParams.class, Pong.class, Duration.ofSeconds(5), Owner.SIDECAR);

  /**
   * Answered by the shell, which adds its own part to the sidecar's; the sidecar answers it too
   * with only its part.
   */
  public static final Method<Empty, SystemInfo> INFO =
      Method.read("system.info", Empty.class, SystemInfo.class, Duration.ofSeconds(5), Owner.SHELL);

  /** Answered by the shell: start a fresh sidecar (the status banner's Retry). */
  public static final Method<Empty, Empty> RESTART_SIDECAR =
      Method.write(
          "system.restartSidecar", Empty.class, Empty.class, Duration.ofSeconds(5), Owner.SHELL);

  public static final List<Method<?, ?>> ALL = List.of(PING, INFO, RESTART_SIDECAR);
}

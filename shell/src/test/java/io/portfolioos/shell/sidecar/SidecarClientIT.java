package io.portfolioos.shell.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.system.PingParams;
import io.portfolioos.contract.system.Pong;
import io.portfolioos.contract.system.SystemMethods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor against the real sidecar process over real pipes. */
class SidecarClientIT {
  @TempDir Path dataDir;
  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
  }

  private SidecarSettings settings() {
    // The JVM options production uses: restart timing depends on them.
    Path jar = Path.of(System.getProperty("sidecar.jar"));
    return SidecarSettings.defaults(jar, dataDir);
  }

  private SidecarClient started(SidecarSettings settings) throws Exception {
    SidecarClient client = new SidecarClient(settings);
    cleanup.add(client);
    client.start();
    assertThat(await(client, SidecarState.RUNNING, 20_000)).isTrue();
    return client;
  }

  private static boolean await(SidecarClient client, SidecarState state, long millis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      if (client.state() == state) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  private static Pong ping(SidecarClient client, String echo) throws Exception {
    return client.call(SystemMethods.PING, new PingParams(echo)).get(10, TimeUnit.SECONDS);
  }

  private static void signal(long pid, String sig) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor())
        .isZero();
  }

  /**
   * SIGSTOP and waits until every thread of the process has stopped. kill(2) returns before that:
   * one thread takes the signal and stops the others, so on a loaded machine the rest can still
   * read and answer a request for a few milliseconds.
   */
  private static void stop(long pid) throws Exception {
    signal(pid, "STOP");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!allThreadsStopped(pid)) {
      assertThat(System.nanoTime()).as("pid %d did not stop in 10 s", pid).isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private static boolean allThreadsStopped(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        // "tid (comm) S ...": the state follows the last ')', as comm may contain one
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        if (state != 'T') {
          return false;
        }
      }
    }
    return true;
  }

  private static ErrorCode codeOf(CompletableFuture<?> f) {
    try {
      Object value = f.get(20, TimeUnit.SECONDS);
      throw new AssertionError("expected the call to fail, but it answered " + value);
    } catch (ExecutionException e) {
      return ((RpcException) e.getCause()).code();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The engine runs ten steps nicer than the shell (the window), and the pid the supervisor holds
   * is the engine's own JVM, not a wrapper.
   */
  @Test
  void theEngineRunsAtALowerPriorityThanTheShell() throws Exception {
    SidecarSettings settings = settings();
    long pid = started(settings).pid();
    assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")))
        .startsWith(settings.javaExecutable().toString())
        .contains("-jar");
    assertThat(niceness(Long.toString(pid)))
        .isEqualTo(Math.min(19, niceness("self") + EnginePriority.NICENESS));
  }

  /** Field 19 of /proc/PID/stat; the fields after "(comm)" start at field 3. */
  private static int niceness(String pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
  }

  @Test
  void tenThousandPipelinedRequestsAllComeBackMatchedToTheirIds() throws Exception {
    SidecarClient client = started(settings());
    List<CompletableFuture<Pong>> calls = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      calls.add(client.call(SystemMethods.PING, new PingParams("n" + i)));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i).get(30, TimeUnit.SECONDS).echo()).isEqualTo("n" + i);
    }
  }

  @Test
  void sigkillMidRequestFailsItWithSidecarRestartedAndTheNextCallSucceedsWithin2s()
      throws Exception {
    // No health pings: on a loaded machine one could replace the process before the kill.
    SidecarClient client =
        started(settings().withHealth(Duration.ofMinutes(10), Duration.ofMinutes(1)));
    // The process that answers now is the one to kill (its pid, not just the first one spawned).
    long pid = ping(client, "alive").pid();
    long restartsBefore = client.restarts();
    stop(pid); // the request is then surely in flight when the process dies
    CompletableFuture<Pong> inFlight = client.call(SystemMethods.PING, new PingParams("lost"));
    Thread.sleep(50);
    signal(pid, "KILL");
    ErrorCode code;
    try {
      code = codeOf(inFlight);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "; killed pid " + pid + "; sidecar log: " + sidecarLog(), e);
    }
    assertThat(code).isEqualTo(ErrorCode.SIDECAR_RESTARTED);
    long start = System.nanoTime();
    Pong next = ping(client, "after");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(next.pid()).isNotEqualTo(pid);
    assertThat(next.echo()).isEqualTo("after");
    assertThat(millis).as("next call after SIGKILL took %d ms", millis).isLessThanOrEqualTo(2_000);
    assertThat(client.restarts()).isEqualTo(restartsBefore + 1);
  }

  /** The supervisor's log of this test's sidecars, to tell why a process went away. */
  private String sidecarLog() throws IOException {
    Path logs = dataDir.resolve("logs");
    if (!Files.isDirectory(logs)) {
      return "(no logs folder)";
    }
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path f : files.sorted().toList()) {
        out.append(Files.readString(f));
      }
    }
    return out.toString();
  }

  @Test
  void aSidecarThatStopsAnsweringIsKilledAndReplaced() throws Exception {
    SidecarClient client =
        started(settings().withHealth(Duration.ofMillis(200), Duration.ofMillis(500)));
    long pid = client.pid();
    signal(pid, "STOP");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (client.pid() == pid || client.state() != SidecarState.RUNNING) {
      assertThat(System.nanoTime())
          .as("hung sidecar was not replaced in 20 s")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(ping(client, "x").pid()).isEqualTo(client.pid());
    assertThat(Files.readString(dataDir.resolve("logs/sidecar.log"))).contains("health ping");
  }

  @Test
  void givesUpAfterRepeatedCrashesKeepingTheReasonThenRetryRecovers() throws Exception {
    SidecarClient client = started(settings().withCrashLimit(2, Duration.ofSeconds(60)));
    long first = client.pid();
    signal(first, "KILL");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (client.pid() == first || client.state() != SidecarState.RUNNING) {
      assertThat(System.nanoTime()).as("no restart after the first crash").isLessThan(deadline);
      Thread.sleep(5);
    }
    signal(client.pid(), "KILL");
    assertThat(await(client, SidecarState.FAILED, 20_000)).isTrue();
    assertThat(client.failure()).contains("crashed 2 times");
    assertThat(codeOf(client.call(SystemMethods.PING, PingParams.NONE)))
        .isEqualTo(ErrorCode.SIDECAR_UNAVAILABLE);
    client.retry();
    assertThat(await(client, SidecarState.RUNNING, 20_000)).isTrue();
    assertThat(ping(client, "back").echo()).isEqualTo("back");
  }

  @Test
  void aLockedDataDirIsAFailureWithItsReasonNotARestartLoop() throws Exception {
    SidecarClient first = started(settings());
    assertThat(first.state()).isEqualTo(SidecarState.RUNNING);
    SidecarClient second = new SidecarClient(settings());
    cleanup.add(second);
    second.start();
    assertThat(await(second, SidecarState.FAILED, 20_000)).isTrue();
    assertThat(second.failure()).contains("code 3").contains("in use by another sidecar");
    assertThat(second.restarts()).isZero();
  }

  @Test
  void closeIsGracefulAndLeavesTheLogBehind() throws Exception {
    SidecarClient client = started(settings());
    long pid = client.pid();
    client.close();
    assertThat(client.state()).isEqualTo(SidecarState.STOPPED);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(dataDir.resolve("logs/sidecar.log")).exists();
    assertThatThrownBy(
            () -> client.call(SystemMethods.PING, PingParams.NONE).get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(RpcException.class);
  }
}

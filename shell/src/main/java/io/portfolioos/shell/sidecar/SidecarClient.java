package io.portfolioos.shell.sidecar;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.CancelRequest;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Progress;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.system.PingParams;
import io.portfolioos.contract.system.SystemMethods;
import io.portfolioos.contract.wire.Envelope;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.startup.StartupTrace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The shell's handle on the sidecar process, and its supervisor (DESIGN.md, "Supervision").
 *
 * <p>Calls are correlated by increasing integer ids; each has the contract's timeout (a late reply
 * is dropped and the sidecar is told to cancel). When the process exits every pending call fails
 * with {@code SIDECAR_RESTARTED} — never retried here, because a write may already have committed —
 * and a new process is started: at once after a healthy run, then after an exponential backoff with
 * ±25% jitter for each further crash in a row. Calls made while it restarts wait for the new
 * process. After {@code maxCrashes} crashes within {@code crashWindow}, or an exit code that no
 * restart can fix (bad usage, locked data dir, broken database), the state becomes {@link
 * SidecarState#FAILED} with the reason kept for the UI until {@link #retry()}. A periodic ping that
 * gets no answer kills a hung process, which then restarts like a crash. {@link #close()} is
 * graceful: stdin EOF, wait, then kill.
 */
public final class SidecarClient implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SidecarClient.class.getName());
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  /** A call in flight: its id (for cancel) and its eventual result. */
  public record Call(long id, CompletableFuture<JsonNode> result) {}

  private record Pending(
      String method,
      CompletableFuture<JsonNode> future,
      @Nullable Consumer<Progress> onProgress,
      long deadlineNanos,
      Duration timeout) {}

  private final SidecarSettings settings;
  private final RotatingLog log;
  private final ScheduledExecutorService scheduler;
  private static final long SWEEP_MILLIS = 25;

  /** Marks the supervisor's own lines in the sidecar log, so a crash reason quotes the sidecar. */
  private static final String SUPERVISOR = "[supervisor] ";

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Pending> calls = new ConcurrentHashMap<>();
  private final List<Consumer<SidecarState>> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private final Deque<Long> crashTimes = new ArrayDeque<>();

  private volatile SidecarState state = SidecarState.STOPPED;
  private volatile @Nullable String failure;
  private volatile int restarts;
  private volatile @Nullable Connection current;
  private CompletableFuture<Connection> ready = new CompletableFuture<>();
  private int consecutiveCrashes;
  private boolean stopping;
  private boolean maintenance;
  private @Nullable ScheduledFuture<?> health;

  public SidecarClient(SidecarSettings settings) throws IOException {
    this.settings = settings;
    this.log = new RotatingLog(settings.dataDir().resolve("logs"), "sidecar.log", 5 << 20, 3);
    this.scheduler =
        Executors.newScheduledThreadPool(
            1, Thread.ofPlatform().name("sidecar-supervisor").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::sweepTimeouts, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Spawns the sidecar and starts the health checks. */
  public void start() {
    synchronized (lock) {
      stopping = false;
      spawn();
      long every = settings.healthInterval().toMillis();
      health =
          scheduler.scheduleWithFixedDelay(this::checkHealth, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** Calls a contract method; the result is decoded to its contract type. */
  public <P, R> CompletableFuture<R> call(Method<P, R> method, P params) {
    JavaType type = Json.MAPPER.getTypeFactory().constructType(method.result());
    return send(method.name(), params, method.timeout(), null)
        .result()
        .thenApply(node -> readResult(node, type));
  }

  private static <R> R readResult(JsonNode node, JavaType type) {
    try {
      return Json.MAPPER.readerFor(type).readValue(node);
    } catch (IOException e) {
      throw new RpcException(
          ErrorCode.INTERNAL,
          "the sidecar's answer does not match the contract: " + e.getMessage());
    }
  }

  /**
   * Sends a request and returns at once.
   *
   * @param params a record or a JsonNode, already validated against the contract
   * @param onProgress receives the sidecar's {@code $/progress} notifications for this call
   */
  public Call send(
      String method,
      @Nullable Object params,
      Duration timeout,
      @Nullable Consumer<Progress> onProgress) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    if (scheduler.isShutdown()) {
      result.completeExceptionally(
          new RpcException(ErrorCode.SIDECAR_UNAVAILABLE, "the sidecar was stopped"));
      return new Call(id, result);
    }
    byte[] line = Envelope.request(id, method, params);
    Pending call =
        new Pending(method, result, onProgress, System.nanoTime() + timeout.toNanos(), timeout);
    calls.put(id, call);
    result.whenComplete((r, t) -> calls.remove(id));
    dispatch(id, line, call);
    return new Call(id, result);
  }

  /**
   * Hands the request to the live process, or waits for the next one. A process that closed before
   * the request was written gets it re-dispatched: it was never sent, so even a write is safe to
   * send again.
   */
  private void dispatch(long id, byte[] line, Pending call) {
    CompletableFuture<Connection> target;
    synchronized (lock) {
      target = ready;
    }
    target.whenComplete(
        (conn, error) -> {
          if (error != null) {
            call.future().completeExceptionally(unwrap(error));
          } else if (!call.future().isDone() && !conn.send(id, line, call)) {
            dispatch(id, line, call);
          }
        });
  }

  /** Asks the sidecar to stop the call; it then fails with CANCELLED. */
  public void cancel(long id) {
    Connection conn = current;
    if (conn != null) {
      conn.notify(CancelRequest.METHOD, new CancelRequest(id));
    }
  }

  /**
   * Fails the calls past their deadline. One sweep every {@link #SWEEP_MILLIS} instead of a timer
   * per call: scheduling and cancelling a timer for each of 100,000 calls a second costs more than
   * the call.
   */
  private void sweepTimeouts() {
    long now = System.nanoTime();
    for (Map.Entry<Long, Pending> e : calls.entrySet()) {
      if (now - e.getValue().deadlineNanos() > 0) {
        timeOut(e.getKey(), e.getValue());
      }
    }
  }

  private void timeOut(long id, Pending call) {
    RpcException late =
        new RpcException(
            ErrorCode.TIMEOUT,
            call.method() + " did not answer within " + call.timeout().toMillis() + " ms");
    if (call.future().completeExceptionally(late)) {
      Connection conn = current;
      if (conn != null) {
        conn.forget(id);
        conn.notify(CancelRequest.METHOD, new CancelRequest(id));
      }
    }
  }

  public SidecarState state() {
    return state;
  }

  public int restarts() {
    return restarts;
  }

  /** Why the supervisor gave up, while {@link #state()} is FAILED. */
  public @Nullable String failure() {
    return failure;
  }

  /** The live process id, or -1. */
  public long pid() {
    Connection conn = current;
    return conn == null ? -1 : conn.process.pid();
  }

  public void onStateChange(Consumer<SidecarState> listener) {
    listeners.add(listener);
  }

  /** After FAILED (or any time): forget the crash history and start a fresh process. */
  public void retry() {
    synchronized (lock) {
      crashTimes.clear();
      consecutiveCrashes = 0;
      failure = null;
      Connection conn = current;
      if (conn != null) {
        conn.process.destroyForcibly();
        return; // the exit handler restarts it
      }
      if (state == SidecarState.FAILED || state == SidecarState.STOPPED) {
        if (ready.isDone()) {
          ready = new CompletableFuture<>();
        }
        stopping = false;
        spawn();
      }
    }
  }

  private void setState(SidecarState next) {
    state = next;
    for (Consumer<SidecarState> l : listeners) {
      try {
        l.accept(next);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "sidecar state listener failed", e);
      }
    }
  }

  /** Called with {@link #lock} held. */
  private void spawn() {
    List<String> command = new ArrayList<>(EnginePriority.launcherPrefix());
    command.add(settings.javaExecutable().toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(SidecarSettings.nativeLibraryOptions(settings.sidecarJar()));
    command.addAll(settings.jvmOptions());
    command.addAll(
        List.of(
            "-jar", settings.sidecarJar().toString(), "--data-dir", settings.dataDir().toString()));
    setState(SidecarState.STARTING);
    StartupTrace.mark("sidecar spawning");
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      giveUp("cannot start the sidecar: " + e.getMessage());
      return;
    }
    Connection conn = new Connection(process);
    current = conn;
    ready.complete(conn);
    Thread.ofPlatform()
        .name("sidecar-stderr")
        .daemon()
        .start(() -> log.pump(process.getErrorStream()));
    Thread.ofPlatform().name("sidecar-stdout").daemon().start(conn::readLoop);
    send(SystemMethods.PING.name(), PingParams.NONE, STARTUP_TIMEOUT, null)
        .result()
        .whenComplete(
            (pong, error) -> {
              if (error == null && current == conn) {
                StartupTrace.mark("sidecar answered its first ping");
                setState(SidecarState.RUNNING);
              } else if (error != null && current == conn) {
                LOG.warning("sidecar did not answer its first ping: " + error.getMessage());
                process.destroyForcibly();
              }
            });
  }

  private void checkHealth() {
    Connection conn = current;
    if (conn == null || state != SidecarState.RUNNING) {
      return;
    }
    send(SystemMethods.PING.name(), PingParams.NONE, settings.healthTimeout(), null)
        .result()
        .whenComplete(
            (pong, error) -> {
              if (error != null
                  && unwrap(error) instanceof RpcException e
                  && e.code() == ErrorCode.TIMEOUT
                  && current == conn) {
                log.append(
                    SUPERVISOR
                        + "no answer to a health ping within "
                        + settings.healthTimeout().toMillis()
                        + " ms: killing pid "
                        + conn.process.pid());
                conn.process.destroyForcibly();
              }
            });
  }

  /** The process behind {@code conn} ended: fail its calls, then restart or give up. */
  private void exited(Connection conn) {
    int code;
    try {
      code = conn.process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    conn.failAll(
        new RpcException(
            ErrorCode.SIDECAR_RESTARTED,
            "the sidecar exited (code " + code + ") before answering; the call was not completed"));
    synchronized (lock) {
      if (current != conn) {
        return;
      }
      current = null;
      if (stopping || maintenance) {
        setState(SidecarState.STOPPED);
        return;
      }
      String reason = "the sidecar exited with code " + code + lastWords();
      if (code >= 2 && code <= 5) {
        giveUp(reason); // usage, locked data dir, broken database: a restart cannot fix these
        return;
      }
      long now = System.nanoTime();
      if (now - conn.startedAt > settings.healthyAfter().toNanos()) {
        consecutiveCrashes = 0;
      }
      crashTimes.addLast(now);
      while (!crashTimes.isEmpty()
          && now - crashTimes.peekFirst() > settings.crashWindow().toNanos()) {
        crashTimes.removeFirst();
      }
      if (crashTimes.size() >= settings.maxCrashes()) {
        giveUp(
            "the sidecar crashed "
                + crashTimes.size()
                + " times within "
                + settings.crashWindow().toSeconds()
                + " s; last: "
                + reason);
        return;
      }
      long delay = backoffMillis(consecutiveCrashes++);
      restarts++;
      setState(SidecarState.RESTARTING);
      log.append(SUPERVISOR + "" + reason + "; restarting in " + delay + " ms");
      scheduler.schedule(
          () -> {
            synchronized (lock) {
              if (!stopping && current == null && state == SidecarState.RESTARTING) {
                spawn();
              }
            }
          },
          delay,
          TimeUnit.MILLISECONDS);
    }
  }

  private long backoffMillis(int attempt) {
    if (attempt == 0) {
      return 0; // a crash after a healthy run restarts at once; only repeats back off
    }
    long base = settings.backoffBase().toMillis();
    long max = settings.backoffMax().toMillis();
    long exp = Math.min(max, base << Math.min(attempt - 1, 20));
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
    return Math.max(1, Math.round(exp * jitter));
  }

  private String lastWords() {
    List<String> lines = log.lastLines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).startsWith(SUPERVISOR)) {
        return ": " + lines.get(i);
      }
    }
    return "";
  }

  /** Called with {@link #lock} held. */
  private void giveUp(String reason) {
    failure = reason;
    current = null;
    log.append(SUPERVISOR + "giving up: " + reason);
    ready.completeExceptionally(new RpcException(ErrorCode.SIDECAR_UNAVAILABLE, reason));
    setState(SidecarState.FAILED);
  }

  /**
   * Runs {@code work} while no sidecar holds the data dir (a restore swaps its database file): a
   * graceful stop, the work, then a fresh process, whatever the work did. Calls made meanwhile wait
   * for the new process; the stop is not counted as a crash.
   */
  public <T> T whileStopped(Callable<T> work) throws Exception {
    Connection conn;
    synchronized (lock) {
      maintenance = true;
      conn = current;
    }
    try {
      if (conn != null) {
        stopProcess(conn);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (current == conn && System.nanoTime() < deadline) {
          Thread.sleep(5); // the exit handler runs on the stdout thread
        }
      }
      return work.call();
    } finally {
      synchronized (lock) {
        maintenance = false;
        if (current == null && !stopping) {
          if (ready.isDone()) {
            ready = new CompletableFuture<>();
          }
          spawn();
        }
      }
    }
  }

  private void stopProcess(Connection conn) {
    conn.writer.close();
    try {
      if (!conn.process.waitFor(settings.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        conn.process.destroy();
        if (!conn.process.waitFor(2, TimeUnit.SECONDS)) {
          conn.process.destroyForcibly();
        }
      }
      conn.process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Graceful stop: EOF on stdin, wait up to {@code stopGrace}, then kill. */
  @Override
  public void close() {
    Connection conn;
    synchronized (lock) {
      stopping = true;
      if (health != null) {
        health.cancel(false);
      }
      conn = current;
    }
    if (conn != null) {
      stopProcess(conn);
    }
    synchronized (lock) {
      if (current == conn) {
        current = null;
      }
      setState(SidecarState.STOPPED);
    }
    scheduler.shutdownNow();
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
        ? t.getCause()
        : t;
  }

  /** One running process: its pipes and the calls waiting on it. */
  private final class Connection {
    final Process process;
    final LineWriter writer;
    final long startedAt = System.nanoTime();
    final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    volatile boolean closed;

    Connection(Process process) {
      this.process = process;
      this.writer = new LineWriter(process.getOutputStream());
    }

    /** False when this process already closed: the caller re-dispatches. */
    boolean send(long id, byte[] line, Pending call) {
      if (closed) {
        return false;
      }
      pending.put(id, call);
      try {
        writer.send(line);
      } catch (IOException e) {
        // the pipe broke: the process is dying, and exited() fails this call with the rest
      }
      return true;
    }

    void notify(String method, Object params) {
      try {
        writer.send(Envelope.bytes(Envelope.notification(method, params)));
      } catch (IOException e) {
        // gone; nothing to cancel
      }
    }

    void forget(long id) {
      pending.remove(id);
    }

    void readLoop() {
      byte[] buf = new byte[1 << 16];
      byte[] line = new byte[1 << 12];
      int len = 0;
      try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          for (int i = 0; i < n; i++) {
            byte b = buf[i];
            if (b == '\n') {
              dispatch(line, len);
              len = 0;
            } else {
              if (len == line.length) {
                line = java.util.Arrays.copyOf(line, line.length * 2);
              }
              line[len++] = b;
            }
          }
        }
      } catch (IOException e) {
        // stdout closed: the process is exiting
      }
      synchronized (lock) {
        closed = true; // together with the swap below: a send that sees closed finds a new ready
        if (current == this) {
          ready =
              stopping
                  ? CompletableFuture.failedFuture(
                      new RpcException(ErrorCode.SIDECAR_UNAVAILABLE, "the sidecar was stopped"))
                  : new CompletableFuture<>();
        }
      }
      exited(this);
    }

    private void dispatch(byte[] line, int len) {
      Envelope.Outgoing message;
      try {
        message = Envelope.readOutgoing(line, 0, len);
      } catch (IOException e) {
        log.append(SUPERVISOR + "unreadable line from the sidecar: " + e.getMessage());
        return;
      }
      if (message instanceof Envelope.Reply reply) {
        Pending call = pending.remove(reply.id());
        if (call != null) {
          if (reply.error() != null) {
            call.future().completeExceptionally(reply.error());
          } else {
            call.future().complete(reply.result());
          }
        }
      } else if (message instanceof Envelope.Notification n
          && Progress.METHOD.equals(n.method())
          && n.params() != null) {
        Progress p = Json.MAPPER.convertValue(n.params(), Progress.class);
        Pending call = pending.get(p.id());
        if (call != null && call.onProgress() != null) {
          call.onProgress().accept(p);
        }
      }
    }

    void failAll(RpcException e) {
      closed = true;
      for (Long id : List.copyOf(pending.keySet())) {
        Pending call = pending.remove(id);
        if (call != null) {
          call.future().completeExceptionally(e);
        }
      }
    }
  }
}

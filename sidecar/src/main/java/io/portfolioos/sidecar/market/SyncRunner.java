package io.portfolioos.sidecar.market;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.market.MarketSyncItem;
import io.portfolioos.contract.market.SyncStatus;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs one sync: fetches keys concurrently (at most {@code concurrency} in flight; the source's
 * rate limiter spaces the requests), and writes finished keys from the calling thread. A key's
 * rows, ranges and sync state always go in the same transaction; keys that finish together share
 * one (group commit: up to {@link #BATCH} keys, waiting at most 100 ms to fill), so a crash or a
 * failed write never leaves a key half-written. One key's failure is its own result, never the
 * batch's.
 */
final class SyncRunner {
  private SyncRunner() {}

  static final int BATCH = 64;

  private static final long LINGER_NANOS = 100_000_000L;

  /** What to fetch for one key: the ranges the database lacks, and what it already holds. */
  record Job(String key, List<DateRange> missing, @Nullable DateRange covered) {}

  record Outcome<T>(
      Job job, SyncStatus status, @Nullable T data, int requests, @Nullable String reason) {}

  @FunctionalInterface
  interface Fetch<T> {
    T fetch(String key, List<DateRange> ranges, AtomicInteger sent)
        throws FetchException, NotFoundException, InterruptedException;
  }

  @FunctionalInterface
  interface Write<T> {
    /** Writes the batch in one transaction (ok outcomes' data and every outcome's state). */
    void write(List<Outcome<T>> batch);
  }

  static <T> List<MarketSyncItem> run(
      List<Job> jobs,
      int concurrency,
      Fetch<T> fetch,
      Write<T> write,
      ToIntFunction<T> rows,
      RequestContext ctx) {
    Map<String, MarketSyncItem> items = new LinkedHashMap<>();
    List<Job> toFetch = new ArrayList<>();
    for (Job j : jobs) {
      items.put(j.key(), null);
      if (j.missing().isEmpty()) {
        items.put(j.key(), new MarketSyncItem(j.key(), SyncStatus.ok, 0, 0, null));
      } else {
        toFetch.add(j);
      }
    }
    int total = jobs.size();
    int done = total - toFetch.size();
    ctx.progress(done, total, "fetching " + toFetch.size() + " of " + total);
    BlockingQueue<Outcome<T>> finished = new LinkedBlockingQueue<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, concurrency), Thread.ofVirtual().name("market-fetch-", 0).factory());
    try {
      for (Job j : toFetch) {
        pool.execute(() -> finished.add(fetchOne(j, fetch, ctx)));
      }
      int received = 0;
      while (received < toFetch.size()) {
        Outcome<T> first = finished.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          ctx.checkCancelled();
          continue;
        }
        List<Outcome<T>> batch = new ArrayList<>(BATCH);
        batch.add(first);
        // Linger briefly for more finished keys: a commit costs about as much as writing a
        // symbol's ten years of bars, so fewer, fuller transactions make the sync several times
        // faster; the wait ends early once every key is in.
        long lingerEnd = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < BATCH && received + batch.size() < toFetch.size()) {
          long left = lingerEnd - System.nanoTime();
          Outcome<T> more = left > 0 ? finished.poll(left, TimeUnit.NANOSECONDS) : null;
          if (more == null) {
            break;
          }
          batch.add(more);
        }
        received += batch.size();
        ctx.checkCancelled();
        String writeProblem = null;
        try {
          write.write(batch);
        } catch (RuntimeException e) {
          writeProblem = "database write failed: " + e.getMessage();
        }
        for (Outcome<T> o : batch) {
          items.put(o.job().key(), item(o, rows, writeProblem));
        }
        done += batch.size();
        ctx.progress(done, total, "synced " + batch.getLast().job().key());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException(ErrorCode.CANCELLED, "sync interrupted");
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(items.values());
  }

  private static <T> MarketSyncItem item(
      Outcome<T> o, ToIntFunction<T> rows, @Nullable String writeProblem) {
    if (writeProblem != null) {
      return new MarketSyncItem(o.job().key(), SyncStatus.failed, 0, o.requests(), writeProblem);
    }
    T data = o.data();
    return new MarketSyncItem(
        o.job().key(),
        o.status(),
        data == null ? 0 : rows.applyAsInt(data),
        o.requests(),
        o.reason());
  }

  private static <T> Outcome<T> fetchOne(Job j, Fetch<T> fetch, RequestContext ctx) {
    AtomicInteger sent = new AtomicInteger();
    try {
      ctx.checkCancelled();
      T data = fetch.fetch(j.key(), j.missing(), sent);
      return new Outcome<>(j, SyncStatus.ok, data, sent.get(), null);
    } catch (NotFoundException e) {
      return new Outcome<>(j, SyncStatus.notFound, null, sent.get(), e.getMessage());
    } catch (FetchException e) {
      return new Outcome<>(j, SyncStatus.failed, null, sent.get(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome<>(j, SyncStatus.failed, null, sent.get(), "cancelled");
    } catch (RuntimeException e) {
      String why = e instanceof RpcException ? e.getMessage() : e.toString();
      return new Outcome<>(j, SyncStatus.failed, null, sent.get(), why);
    }
  }
}

package io.portfolioos.sidecar.simulation;

/**
 * Exact order statistics. {@link #selectByBins} finds several ranks of a column in two linear
 * passes: it counts values into coarse logarithmic bins (binary exponent and top {@value
 * #COARSE_BITS} mantissa bits of value/scale), gathers only the values of the bins that hold the
 * wanted ranks, and quickselects (Hoare partition, median of three) inside those small buckets. The
 * answer is exactly the nearest-rank value; the bins only narrow the search.
 */
final class Selection {
  private Selection() {}

  static final int COARSE_BITS = 6;
  private static final int COARSE_SHIFT = 52 - COARSE_BITS;
  private static final double MIN = 0x1p-16;
  private static final double MAX = 0x1p24;
  private static final long BASE = Double.doubleToRawLongBits(MIN) >>> COARSE_SHIFT;
  static final int COARSE_BINS = ((24 + 16) << COARSE_BITS) + 2;

  /** Reusable buffers of one thread. */
  static final class Scratch {
    final int[] counts = new int[COARSE_BINS];
    final int[] segment = new int[COARSE_BINS];
    final double[] buffer;

    Scratch(int size) {
      this.buffer = new double[size];
    }
  }

  private static int coarseBin(double ratio) {
    if (!(ratio >= MIN)) {
      return 0;
    }
    if (ratio >= MAX) {
      return COARSE_BINS - 1;
    }
    return (int) ((Double.doubleToRawLongBits(ratio) >>> COARSE_SHIFT) - BASE) + 1;
  }

  /**
   * Writes to {@code out[i]} the value of rank {@code ranks[i]} (0-based, ascending) of {@code a},
   * whose values are non-negative and of the order of {@code scale}. {@code a} is not modified.
   */
  static void selectByBins(double[] a, double scale, int[] ranks, double[] out, Scratch s) {
    double inverse = 1 / scale;
    int[] counts = s.counts;
    int[] segment = s.segment;
    java.util.Arrays.fill(counts, 0);
    for (double v : a) {
      counts[coarseBin(v * inverse)]++;
    }
    int[] binOf = new int[ranks.length];
    int[] rankInBin = new int[ranks.length];
    int r = 0;
    int seen = 0;
    for (int b = 0; b < COARSE_BINS && r < ranks.length; b++) {
      int c = counts[b];
      while (r < ranks.length && ranks[r] < seen + c) {
        binOf[r] = b;
        rankInBin[r] = ranks[r] - seen;
        r++;
      }
      seen += c;
    }
    if (r < ranks.length) {
      throw new IllegalArgumentException("rank " + ranks[r] + " beyond " + a.length + " values");
    }
    // segment[b] = 1 + the next free slot of bin b's bucket, for the wanted bins only.
    int[] start = new int[ranks.length];
    int used = 0;
    for (int i = 0; i < ranks.length; i++) {
      int b = binOf[i];
      if (segment[b] == 0) {
        segment[b] = used + 1;
        used += counts[b];
      }
      start[i] = segment[b] - 1;
    }
    double[] buffer = s.buffer;
    for (double v : a) {
      int b = coarseBin(v * inverse);
      int next = segment[b];
      if (next != 0) {
        buffer[next - 1] = v;
        segment[b] = next + 1;
      }
    }
    for (int i = 0; i < ranks.length; i++) {
      int from = start[i];
      int to = from + counts[binOf[i]] - 1;
      select(buffer, from, to, from + rankInBin[i]);
      out[i] = buffer[from + rankInBin[i]];
    }
    for (int b : binOf) {
      segment[b] = 0;
    }
  }

  /** The nearest-rank index (0-based) of percentile {@code p} among {@code n} sorted values. */
  static int rank(double p, int n) {
    int k = (int) Math.ceil(p * n - 1e-9) - 1;
    return Math.max(0, Math.min(n - 1, k));
  }

  /**
   * Rearranges {@code a} so that each {@code a[ranks[i]]} holds the value of that rank in sorted
   * order. {@code ranks} must be sorted ascending.
   */
  static void selectAll(double[] a, int[] ranks) {
    selectAll(a, 0, a.length - 1, ranks, 0, ranks.length);
  }

  private static void selectAll(double[] a, int lo, int hi, int[] ranks, int rLo, int rHi) {
    while (rLo < rHi && lo <= hi) {
      int mid = (rLo + rHi) >>> 1;
      int k = ranks[mid];
      if (k < lo || k > hi) {
        // Already placed by an equal rank selected before.
        if (k < lo) {
          rLo = mid + 1;
        } else {
          rHi = mid;
        }
        continue;
      }
      select(a, lo, hi, k);
      selectAll(a, lo, k - 1, ranks, rLo, mid);
      lo = k + 1;
      rLo = mid + 1;
    }
  }

  /** After this, a[k] is the k-th smallest of a[lo..hi], smaller ones left of it, larger right. */
  static void select(double[] a, int lo, int hi, int k) {
    while (hi > lo) {
      if (hi - lo < 16) {
        insertionSort(a, lo, hi);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, lo, mid);
      }
      if (a[hi] < a[lo]) {
        swap(a, lo, hi);
      }
      if (a[hi] < a[mid]) {
        swap(a, mid, hi);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void insertionSort(double[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

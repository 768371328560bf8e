package io.portfolioos.sidecar.simulation;

/** Order statistics in place: quickselect (Hoare partition, median of three) for several ranks. */
final class Selection {
  private Selection() {}

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

package io.portfolioos.sidecar.simulation;

/**
 * Counts of portfolio values per year for runs too large to keep every path. Bins are logarithmic,
 * taken straight from the bits of {@code value / initialPortfolio}: its binary exponent and the top
 * {@value #MANTISSA_BITS} bits of its mantissa, so a bin is at most 2^-10 wide relative to its
 * values and reporting its midpoint is off by less than 0.05 %. Ratios from 2^-16 to 2^24 are
 * binned; smaller values (depleted paths included) count as 0 and larger ones as 2^24 × the initial
 * portfolio. Counts are integers, so merging per-thread histograms gives the same result in any
 * order.
 */
final class ValueHistogram {
  static final int MANTISSA_BITS = 10;
  private static final int SHIFT = 52 - MANTISSA_BITS;
  private static final double MIN = 0x1p-16;
  private static final double MAX = 0x1p24;
  private static final long BASE = Double.doubleToRawLongBits(MIN) >>> SHIFT;
  static final int BINS = ((24 + 16) << MANTISSA_BITS) + 2;

  private final int columns;
  private final double scale;
  private final double inverseScale;
  private final int[] counts;

  ValueHistogram(int columns, double scale) {
    this.columns = columns;
    this.scale = scale;
    this.inverseScale = 1 / scale;
    this.counts = new int[columns * BINS];
  }

  /** Adds {@code values[0..n)} to column {@code column}. */
  void add(int column, double[] values, int n) {
    int offset = column * BINS;
    for (int i = 0; i < n; i++) {
      counts[offset + bin(values[i] * inverseScale)]++;
    }
  }

  static int bin(double ratio) {
    if (!(ratio >= MIN)) {
      return 0;
    }
    if (ratio >= MAX) {
      return BINS - 1;
    }
    return (int) ((Double.doubleToRawLongBits(ratio) >>> SHIFT) - BASE) + 1;
  }

  static double binValue(int bin) {
    if (bin == 0) {
      return 0;
    }
    if (bin == BINS - 1) {
      return MAX;
    }
    double lower = Double.longBitsToDouble((bin - 1 + BASE) << SHIFT);
    double upper = Double.longBitsToDouble((bin + BASE) << SHIFT);
    return (lower + upper) / 2;
  }

  void addAll(ValueHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  /** The value of 0-based rank {@code rank} in column {@code column}, to bin resolution. */
  double valueAtRank(int column, long rank) {
    int offset = column * BINS;
    long seen = 0;
    for (int b = 0; b < BINS; b++) {
      seen += counts[offset + b];
      if (seen > rank) {
        return binValue(b) * scale;
      }
    }
    throw new IllegalArgumentException("rank " + rank + " beyond " + seen + " values");
  }

  int columns() {
    return columns;
  }
}

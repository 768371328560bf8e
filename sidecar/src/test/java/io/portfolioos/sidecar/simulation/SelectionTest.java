package io.portfolioos.sidecar.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Property
  void selectsWhatSortingWouldFind(
      @ForAll @Size(min = 1, max = 300) int[] raw, @ForAll @IntRange(min = 1, max = 7) int spread) {
    double[] values = Arrays.stream(raw).mapToDouble(i -> i % (spread * 10)).toArray();
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int[] ranks = new int[MonteCarloEngine.PERCENTILES.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = Selection.rank(MonteCarloEngine.PERCENTILES[i], values.length);
    }
    Selection.selectAll(values, ranks);
    for (int k : ranks) {
      assertThat(values[k]).isEqualTo(sorted[k]);
    }
  }

  @Property
  void selectsByBinsWhatSortingWouldFind(
      @ForAll @Size(min = 1, max = 3000) double[] raw, @ForAll boolean manyZeros) {
    double[] values =
        Arrays.stream(raw)
            .map(v -> manyZeros && v < 0 ? 0 : Math.abs(v) % 1e12)
            .filter(Double::isFinite)
            .toArray();
    if (values.length == 0) {
      return;
    }
    double[] copy = values.clone();
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int[] ranks = new int[MonteCarloEngine.PERCENTILES.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = Selection.rank(MonteCarloEngine.PERCENTILES[i], values.length);
    }
    double[] out = new double[ranks.length];
    Selection.selectByBins(values, 1000, ranks, out, new Selection.Scratch(values.length));
    for (int i = 0; i < ranks.length; i++) {
      assertThat(out[i]).isEqualTo(sorted[ranks[i]]);
    }
    assertThat(values).isEqualTo(copy);
  }

  @Test
  void nearestRankOfPercentiles() {
    assertThat(Selection.rank(0.5, 10_000)).isEqualTo(4999);
    assertThat(Selection.rank(0.05, 10_000)).isEqualTo(499);
    assertThat(Selection.rank(0.95, 1)).isZero();
    assertThat(Selection.rank(0.5, 3)).isEqualTo(1);
  }

  @Test
  void histogramBinsAreNarrowerThanATenthOfAPercent() {
    for (double ratio = 1e-4; ratio < 1e7; ratio *= 1.37) {
      double reported = ValueHistogram.binValue(ValueHistogram.bin(ratio));
      assertThat(Math.abs(reported - ratio) / ratio).isLessThan(0.0005);
    }
    assertThat(ValueHistogram.binValue(ValueHistogram.bin(0))).isZero();
  }
}

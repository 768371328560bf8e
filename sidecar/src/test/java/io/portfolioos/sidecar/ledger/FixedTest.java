package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The 128-bit mulDiv against BigDecimal, which is slow but obviously right. */
class FixedTest {
  @Provide
  Arbitrary<Long> operands() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L),
        Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L),
        Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
  }

  @Provide
  Arbitrary<Long> divisors() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(1, Long.MAX_VALUE),
        Arbitraries.longs().between(1, 100_000_000_000L),
        Arbitraries.of(1L, 2L, 3L, 1000L, 100_000_000L, 10_000_000_000L, Long.MAX_VALUE));
  }

  @Property(tries = 20_000)
  void mulDivRoundsHalfEvenExactlyOrReportsOverflow(
      @ForAll("operands") long a, @ForAll("operands") long b, @ForAll("divisors") long c) {
    BigInteger exact =
        new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
            .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN)
            .toBigIntegerExact();
    if (exact.bitLength() < 64) {
      assertThat(Fixed.mulDiv(a, b, c)).isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Fixed.mulDiv(a, b, c)).isInstanceOf(ArithmeticException.class);
    }
  }

  @Example
  void quantityTimesPriceBeyondSixtyFourBits() {
    // 100 shares at 300.25: 1e10 × 3.0025e10 overflows a long before the division
    assertThat(Fixed.cost(10_000_000_000L, 30_025_000_000L)).isEqualTo(30_025_000_000L);
    // half-even at the boundary: 0.00000001 × 0.5 of a cent-millionth
    assertThat(Fixed.mulDiv(5, 3, 10)).isEqualTo(2);
    assertThat(Fixed.mulDiv(-5, 3, 10)).isEqualTo(-2);
    assertThat(Fixed.mulDiv(5, 5, 10)).isEqualTo(2);
  }
}

package io.portfolioos.sidecar.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact fixed-point arithmetic on scaled {@code long}s: quantities and prices carry 8 decimals,
 * money 6 (the scales of the DECIMAL columns). The lot engine runs on these because BigDecimal
 * everywhere is an order of magnitude slower; a product that would overflow 64 bits falls back to
 * BigInteger, so no result is ever approximate. Every division rounds half-even, and callers give
 * the rounding remainder to the other side (the open part of a lot, the last piece of a sale), so
 * totals are conserved exactly.
 */
final class Fixed {
  private Fixed() {}

  static final int QTY_SCALE = 8;
  static final int MONEY_SCALE = 6;
  static final long QTY_ONE = 100_000_000L;

  /** {@code a * b / c} rounded half-even; {@code c > 0}. */
  static long mulDiv(long a, long b, long c) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return divRound(lo, c);
    }
    BigInteger[] qr =
        BigInteger.valueOf(a)
            .multiply(BigInteger.valueOf(b))
            .divideAndRemainder(BigInteger.valueOf(c));
    long q = qr[0].longValueExact();
    int twice = qr[1].abs().shiftLeft(1).compareTo(BigInteger.valueOf(c));
    if (twice > 0 || (twice == 0 && (q & 1) != 0)) {
      q += qr[1].signum();
    }
    return q;
  }

  /** {@code n / c} rounded half-even; {@code c > 0}. */
  static long divRound(long n, long c) {
    long q = n / c;
    long r = n % c;
    if (r == 0) {
      return q;
    }
    long twice = Math.abs(r) * 2;
    if (twice > c || (twice == c && (q & 1) != 0) || twice < 0) {
      q += Long.signum(r);
    }
    return q;
  }

  /** Quantity (8 decimals) times price (8 decimals) as money (6 decimals). */
  static long cost(long qty, long price) {
    return mulDiv(qty, price, 10_000_000_000L);
  }

  static BigDecimal qty(long scaled) {
    return BigDecimal.valueOf(scaled, QTY_SCALE);
  }

  static BigDecimal money(long scaled) {
    return BigDecimal.valueOf(scaled, MONEY_SCALE);
  }

  static long qtyOf(BigDecimal value) {
    return value.setScale(QTY_SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }

  static long moneyOf(BigDecimal value) {
    return value.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }
}

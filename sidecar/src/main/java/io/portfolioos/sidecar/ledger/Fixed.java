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

  /**
   * {@code a * b / c} rounded half-even; {@code c > 0}. The product is formed in 128 bits and
   * divided exactly (a quantity times a price overflows 64 bits for most real trades, and
   * BigInteger there was most of the lot engine's time); BigInteger remains only for a quotient
   * that does not fit a long, where {@code longValueExact} reports the overflow.
   */
  static long mulDiv(long a, long b, long c) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return divRound(lo, c);
    }
    if (a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
      long ua = Math.abs(a);
      long ub = Math.abs(b);
      long uhi = Math.unsignedMultiplyHigh(ua, ub);
      long ulo = ua * ub;
      // the quotient fits 64 bits exactly when the high word is below the divisor
      if (Long.compareUnsigned(uhi, c) < 0) {
        long[] qr = divideUnsigned(uhi, ulo, c);
        long q = qr[0];
        long r = qr[1];
        if (Long.compareUnsigned(r, c - r) > 0 || (r == c - r && (q & 1) != 0)) {
          q++;
        }
        if (q >= 0) {
          return (a < 0) == (b < 0) ? q : -q;
        }
      }
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

  /**
   * The unsigned 128-bit {@code hi:lo} divided by {@code d}, given {@code hi < d} (unsigned), as
   * {quotient, remainder}: schoolbook long division in 32-bit digits with the divisor normalized so
   * each estimated quotient digit is at most two too large.
   */
  static long[] divideUnsigned(long hi, long lo, long d) {
    final long base = 1L << 32;
    final long mask = base - 1;
    int shift = Long.numberOfLeadingZeros(d);
    long v = d << shift;
    long v1 = v >>> 32;
    long v0 = v & mask;
    long u32 = shift == 0 ? hi : (hi << shift) | (lo >>> (64 - shift));
    long u10 = lo << shift;
    long u1 = u10 >>> 32;
    long u0 = u10 & mask;

    long q1 = Long.divideUnsigned(u32, v1);
    long rhat = Long.remainderUnsigned(u32, v1);
    while (Long.compareUnsigned(q1, mask) > 0
        || Long.compareUnsigned(q1 * v0, (rhat << 32) | u1) > 0) {
      q1--;
      rhat += v1;
      if (Long.compareUnsigned(rhat, mask) > 0) {
        break;
      }
    }
    long u21 = (u32 << 32 | u1) - q1 * v;

    long q0 = Long.divideUnsigned(u21, v1);
    rhat = Long.remainderUnsigned(u21, v1);
    while (Long.compareUnsigned(q0, mask) > 0
        || Long.compareUnsigned(q0 * v0, (rhat << 32) | u0) > 0) {
      q0--;
      rhat += v1;
      if (Long.compareUnsigned(rhat, mask) > 0) {
        break;
      }
    }
    long r = ((u21 << 32) | u0) - q0 * v;
    return new long[] {(q1 << 32) | q0, r >>> shift};
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

  // scaleByPowerOfTen + longValueExact reads the compact unscaled long without the BigInteger
  // that unscaledValue() allocates; both throw rather than round.
  static long qtyOf(BigDecimal value) {
    return value
        .setScale(QTY_SCALE, RoundingMode.UNNECESSARY)
        .scaleByPowerOfTen(QTY_SCALE)
        .longValueExact();
  }
}

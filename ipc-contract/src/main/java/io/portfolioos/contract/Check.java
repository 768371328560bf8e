package io.portfolioos.contract;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Validation used in the compact constructors of params records, so a record that exists is valid
 * and the failure names its field.
 */
public final class Check {
  private Check() {}

  public static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidParamsException(field, "is required");
    }
    return value;
  }

  public static String notBlank(@Nullable String value, String field) {
    if (required(value, field).isBlank()) {
      throw new InvalidParamsException(field, "must not be blank");
    }
    return value;
  }

  public static void that(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidParamsException(field, message);
    }
  }

  public static long range(long value, long min, long max, String field) {
    if (value < min || value > max) {
      throw new InvalidParamsException(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  public static double range(double value, double min, double max, String field) {
    if (!(value >= min && value <= max)) {
      throw new InvalidParamsException(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  public static @Nullable BigDecimal nonNegative(@Nullable BigDecimal value, String field) {
    if (value != null && value.signum() < 0) {
      throw new InvalidParamsException(field, "must not be negative");
    }
    return value;
  }
}

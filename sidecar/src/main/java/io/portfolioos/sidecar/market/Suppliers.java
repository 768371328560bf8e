package io.portfolioos.sidecar.market;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A value built on first use, then shared. */
final class Suppliers {
  private Suppliers() {}

  static <T> Supplier<T> once(Supplier<T> build) {
    return new Supplier<>() {
      private volatile @Nullable T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              v = build.get();
              value = v;
            }
          }
        }
        return v;
      }
    };
  }
}

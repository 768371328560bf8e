package io.portfolioos.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One IPC method, defined once: its wire name, params record, result type, default timeout, whether
 * it reads or writes, and which process answers it. Shell, sidecar and the generated web client all
 * derive from these definitions.
 *
 * @param <P> the params record
 * @param <R> the result
 */
public record Method<P, R>(
    String name, Class<P> params, Type result, Duration timeout, Kind kind, Owner owner) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z]*(\\.[a-z][a-zA-Z]*)+");

  public Method {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("method name must be dotted camelCase: " + name);
    }
    if (!params.isRecord()) {
      throw new IllegalArgumentException(name + ": params must be a record");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + ": timeout must be positive");
    }
  }

  public static <P, R> Method<P, R> read(
      String name, Class<P> params, Class<R> result, Duration timeout, Owner owner) {
    return new Method<>(name, params, result, timeout, Kind.READ, owner);
  }

  public static <P, R> Method<P, R> write(
      String name, Class<P> params, Class<R> result, Duration timeout, Owner owner) {
    return new Method<>(name, params, result, timeout, Kind.WRITE, owner);
  }

  /** A read whose result is a JSON array of {@code item}. */
  public static <P, I> Method<P, List<I>> readList(
      String name, Class<P> params, Class<I> item, Duration timeout, Owner owner) {
    return new Method<>(name, params, listOf(item), timeout, Kind.READ, owner);
  }

  public static Type listOf(Class<?> item) {
    return new ListType(item);
  }

  private record ListType(Class<?> item) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {item};
    }

    @Override
    public Type getRawType() {
      return List.class;
    }

    @Override
    public @org.jspecify.annotations.Nullable Type getOwnerType() {
      return null;
    }

    @Override
    public String getTypeName() {
      return "java.util.List<" + item.getName() + ">";
    }
  }
}

package io.portfolioos.sidecar.rpc;

import io.portfolioos.contract.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The sidecar's method table: contract method → handler, each bound once. */
public final class Handlers {
  record Bound<P, R>(Method<P, R> method, Handler<P, R> handler) {}

  private final Map<String, Bound<?, ?>> byName = new LinkedHashMap<>();

  public <P, R> Handlers on(Method<P, R> method, Handler<P, R> handler) {
    if (byName.putIfAbsent(method.name(), new Bound<>(method, handler)) != null) {
      throw new IllegalStateException("handler bound twice: " + method.name());
    }
    return this;
  }

  @Nullable Bound<?, ?> find(String name) {
    return byName.get(name);
  }

  public boolean handles(String name) {
    return byName.containsKey(name);
  }
}

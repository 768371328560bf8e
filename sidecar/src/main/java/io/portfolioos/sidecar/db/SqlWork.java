package io.portfolioos.sidecar.db;

import java.sql.Connection;

/** Work done with a connection the {@link Database} lends for the duration of the call. */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(Connection connection) throws Exception;
}

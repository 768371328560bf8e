package io.portfolioos.contract.secrets;

import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/**
 * API keys, encrypted by the shell. The UI can store, replace and delete a key and ask whether one
 * is stored; no method ever answers a key's value.
 */
public final class SecretsMethods {
  private SecretsMethods() {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Stores or replaces a key. */
  public static final Method<SecretValue, SecretState> SET =
      Method.write("secrets.set", SecretValue.class, SecretState.class, TIMEOUT, Owner.SHELL);

  public static final Method<SecretName, SecretState> HAS =
      Method.read("secrets.has", SecretName.class, SecretState.class, TIMEOUT, Owner.SHELL);

  /** Deletes a key; deleting one that is not stored is not an error. */
  public static final Method<SecretName, SecretState> DELETE =
      Method.write("secrets.delete", SecretName.class, SecretState.class, TIMEOUT, Owner.SHELL);

  /** Where the master key that encrypts the keys is kept. */
  public static final Method<Empty, SecretsBackend> STATUS =
      Method.read("secrets.status", Empty.class, SecretsBackend.class, TIMEOUT, Owner.SHELL);

  public static final List<Method<?, ?>> ALL = List.of(SET, HAS, DELETE, STATUS);
}

package io.portfolioos.contract.secrets;

/** Where the master key that encrypts the stored secrets lives. */
public enum SecretsBackendKind {
  /** The OS keyring. */
  KEYRING,
  /** A file only the user can read, used when no keyring is reachable. */
  FILE
}

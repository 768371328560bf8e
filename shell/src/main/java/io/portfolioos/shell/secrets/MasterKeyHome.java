package io.portfolioos.shell.secrets;

import io.portfolioos.contract.secrets.SecretsBackendKind;
import java.util.Optional;

/** Where the 256-bit master key is kept between runs. */
interface MasterKeyHome {
  /** The stored key, or empty when none is stored yet. */
  Optional<byte[]> load() throws MasterKeyException;

  void store(byte[] key) throws MasterKeyException;

  void delete() throws MasterKeyException;

  SecretsBackendKind kind();

  /** A sentence for the user naming this home. */
  String describe();
}

package io.portfolioos.shell.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import io.portfolioos.contract.secrets.SecretsBackendKind;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The master key in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager
 * on Windows), one entry per data dir. Each operation opens its own connection: the key is needed
 * only when the store opens, so no D-Bus connection lingers.
 */
final class KeyringHome implements MasterKeyHome {
  static final String SERVICE = "PortfolioOS";

  private final String account;
  private String backendName = "OS keyring";

  KeyringHome(Path dataDir) {
    this.account = "master-key:" + dataDir.toAbsolutePath().normalize();
  }

  @Override
  public Optional<byte[]> load() throws MasterKeyException {
    try (Keyring keyring = open()) {
      String encoded;
      try {
        encoded = keyring.getPassword(SERVICE, account);
      } catch (PasswordAccessException e) {
        return Optional.empty(); // the backends report "no such entry" this way
      }
      return Optional.of(Base64.getDecoder().decode(encoded));
    } catch (MasterKeyException e) {
      throw e;
    } catch (Exception e) {
      // A locked Secret Service collection surfaces as a NullPointerException inside the library.
      throw new MasterKeyException("the OS keyring did not answer (" + e + ")", e);
    }
  }

  @Override
  public void store(byte[] key) throws MasterKeyException {
    try (Keyring keyring = open()) {
      keyring.setPassword(SERVICE, account, Base64.getEncoder().encodeToString(key));
    } catch (MasterKeyException e) {
      throw e;
    } catch (Exception e) {
      throw new MasterKeyException("the OS keyring refused the master key (" + e + ")", e);
    }
  }

  @Override
  public void delete() throws MasterKeyException {
    try (Keyring keyring = open()) {
      keyring.deletePassword(SERVICE, account);
    } catch (PasswordAccessException e) {
      // already gone
    } catch (MasterKeyException e) {
      throw e;
    } catch (Exception e) {
      throw new MasterKeyException("the OS keyring did not answer (" + e + ")", e);
    }
  }

  private Keyring open() throws MasterKeyException {
    try {
      Keyring keyring = Keyring.create();
      backendName =
          switch (keyring.getKeyringStorageType()) {
            case GNOME_KEYRING -> "Secret Service (GNOME Keyring or compatible)";
            case KWALLET -> "KDE Wallet";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
          };
      return keyring;
    } catch (BackendNotSupportedException | RuntimeException e) {
      throw new MasterKeyException("no OS keyring is reachable: " + e.getMessage(), e);
    }
  }

  @Override
  public SecretsBackendKind kind() {
    return SecretsBackendKind.KEYRING;
  }

  @Override
  public String describe() {
    return "Master key in your " + backendName;
  }
}

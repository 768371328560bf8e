package io.portfolioos.shell.secrets;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.secrets.SecretName;
import io.portfolioos.contract.secrets.SecretState;
import io.portfolioos.contract.secrets.SecretValue;
import io.portfolioos.contract.secrets.SecretsBackend;
import io.portfolioos.contract.secrets.SecretsMethods;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.state.AppState;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * API keys, AES-256-GCM encrypted in app.sqlite under one random master key that lives in the OS
 * keyring, or, when no keyring is reachable, in a 0600 file whose use {@link #status()} reports.
 *
 * <p>The UI can store, replace and delete a key and ask whether one is stored. Only shell code that
 * must put a key into a request (the LLM client, the market sync) reads one, through {@link
 * #reveal}, which no IPC method reaches. No log line, error message or {@code toString} here ever
 * includes a key's value.
 */
public final class SecretStore {
  private static final Logger LOG = Logger.getLogger(SecretStore.class.getName());
  private static final long KEYRING_TIMEOUT_SECONDS = 10;

  private final AppState state;
  private final Path dataDir;
  private volatile @Nullable Unlocked unlocked;
  private volatile boolean foreignRows;

  /** The master key's cipher, its check value and where the key lives. */
  private static final class Unlocked {
    private final Cipher256 cipher;
    private final byte[] keyCheck;
    private final MasterKeyHome home;

    Unlocked(Cipher256 cipher, byte[] keyCheck, MasterKeyHome home) {
      this.cipher = cipher;
      this.keyCheck = keyCheck;
      this.home = home;
    }
  }

  private SecretStore(AppState state, Path dataDir) {
    this.state = state;
    this.dataDir = dataDir;
  }

  /**
   * The store for {@code dataDir}. The master key is looked up on first use, not here: asking the
   * OS keyring over D-Bus takes a second or more, which the app's start should not wait for.
   */
  public static SecretStore open(AppState state, Path dataDir) {
    return new SecretStore(state, dataDir);
  }

  private Unlocked unlocked() {
    Unlocked u = unlocked;
    if (u != null) {
      return u;
    }
    synchronized (this) {
      if (unlocked == null) {
        unlocked = unlock();
      }
      return Objects.requireNonNull(unlocked);
    }
  }

  /**
   * Finds the master key (OS keyring first; a key file left by an earlier run without a keyring
   * moves into the keyring), creating one on first use.
   */
  private Unlocked unlock() {
    byte[] key;
    MasterKeyHome home;
    KeyringHome keyring = new KeyringHome(dataDir);
    try {
      key = withTimeout(() -> fromKeyring(keyring, new KeyFileHome(dataDir, "")));
      home = keyring;
    } catch (MasterKeyException e) {
      LOG.warning("using the master key file fallback: " + e.getMessage());
      KeyFileHome file = new KeyFileHome(dataDir, e.getMessage());
      try {
        key = fromFile(file);
      } catch (MasterKeyException fileFailure) {
        throw new IllegalStateException(fileFailure.getMessage(), fileFailure);
      }
      home = file;
    }
    Cipher256 cipher;
    byte[] keyCheck;
    try {
      cipher = new Cipher256(key);
      keyCheck = cipher.keyCheck();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks AES-GCM or HMAC-SHA256", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    foreignRows =
        state.read(c -> storedKeyCheck(c).map(k -> !Arrays.equals(k, keyCheck)).orElse(false));
    if (foreignRows) {
      LOG.warning(
          "stored secrets were encrypted with another master key; they stay unusable until"
              + " deleted ("
              + home.describe()
              + ")");
    }
    return new Unlocked(cipher, keyCheck, home);
  }

  private static byte[] fromKeyring(KeyringHome keyring, KeyFileHome leftover)
      throws MasterKeyException {
    Optional<byte[]> stored = keyring.load();
    if (stored.isPresent()) {
      return checkLength(stored.get(), "the OS keyring");
    }
    Optional<byte[]> fromFile = leftover.load();
    byte[] key = fromFile.isPresent() ? checkLength(fromFile.get(), "the key file") : null;
    if (key == null) {
      key = Cipher256.newKey();
    }
    keyring.store(key);
    Optional<byte[]> back = keyring.load();
    if (back.isEmpty() || !Arrays.equals(back.get(), key)) {
      throw new MasterKeyException("the OS keyring did not keep the master key");
    }
    if (fromFile.isPresent()) {
      leftover.delete(); // it lives in the keyring now
    }
    return key;
  }

  private static byte[] fromFile(KeyFileHome file) throws MasterKeyException {
    Optional<byte[]> stored = file.load();
    if (stored.isPresent()) {
      return checkLength(stored.get(), file.file().toString());
    }
    byte[] key = Cipher256.newKey();
    file.store(key);
    return key;
  }

  private static byte[] checkLength(byte[] key, String where) throws MasterKeyException {
    if (key.length != Cipher256.KEY_BYTES) {
      throw new MasterKeyException("the master key in " + where + " is not 256 bits");
    }
    return key;
  }

  /** A hung D-Bus peer must not hang the app's start: after a while the file fallback is used. */
  private static byte[] withTimeout(KeyringWork work) throws MasterKeyException {
    FutureTask<byte[]> task = new FutureTask<>(work::run);
    Thread.ofVirtual().name("keyring").start(task);
    try {
      return task.get(KEYRING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new MasterKeyException(
          "the OS keyring did not answer within " + KEYRING_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MasterKeyException("interrupted while asking the OS keyring", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof MasterKeyException m
          ? m
          : new MasterKeyException("the OS keyring failed (" + cause + ")", cause);
    }
  }

  @FunctionalInterface
  private interface KeyringWork {
    byte[] run() throws MasterKeyException;
  }

  /** Stores or replaces the secret; the answer says only that it is stored. */
  public SecretState set(SecretValue secret) {
    Unlocked u = unlocked();
    if (foreignRows) {
      throw new RpcException(
          ErrorCode.CONFLICT,
          "Your stored keys were encrypted with a master key that is not available now; delete"
              + " them, then store them again");
    }
    Cipher256.Sealed sealed;
    try {
      sealed = u.cipher.seal(secret.name(), secret.value());
    } catch (GeneralSecurityException e) {
      throw new RpcException(ErrorCode.INTERNAL, "Encrypting the key failed", null, e);
    }
    state.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO secrets (name, nonce, ciphertext, updated_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (name) DO UPDATE SET nonce = excluded.nonce,"
                      + " ciphertext = excluded.ciphertext, updated_at = excluded.updated_at")) {
            ps.setString(1, secret.name());
            ps.setBytes(2, sealed.nonce());
            ps.setBytes(3, sealed.ciphertext());
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO secrets_master (id, key_check) VALUES (1, ?)")) {
            ps.setBytes(1, u.keyCheck);
            ps.executeUpdate();
          }
          return null;
        });
    LOG.info("stored secret " + secret.name());
    return new SecretState(secret.name(), true);
  }

  public SecretState has(String name) {
    new SecretName(name);
    return new SecretState(name, state.read(c -> row(c, name).isPresent()));
  }

  /** Deletes the secret; deleting an absent one answers {@code stored: false} too. */
  public SecretState delete(String name) {
    new SecretName(name);
    state.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM secrets WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM secrets_master WHERE NOT EXISTS (SELECT 1 FROM secrets)")) {
            if (ps.executeUpdate() > 0) {
              foreignRows = false; // nothing is left that another key sealed
            }
          }
          return null;
        });
    LOG.info("deleted secret " + name);
    return new SecretState(name, false);
  }

  public SecretsBackend status() {
    MasterKeyHome home = unlocked().home;
    String detail = home.describe().endsWith(".") ? home.describe() : home.describe() + ".";
    if (foreignRows) {
      detail +=
          " The stored keys were encrypted with a different master key and cannot be used; delete"
              + " them and store them again.";
    }
    return new SecretsBackend(home.kind(), detail);
  }

  /**
   * The secret's value, for shell code that sends it to the service it belongs to. Never reachable
   * through IPC; never log or return what it gives.
   */
  public Optional<String> reveal(String name) {
    Unlocked u = unlocked();
    if (foreignRows) {
      return Optional.empty();
    }
    Optional<Cipher256.Sealed> sealed = state.read(c -> row(c, name));
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(u.cipher.open(name, sealed.get().nonce(), sealed.get().ciphertext()));
    } catch (GeneralSecurityException e) {
      LOG.log(Level.WARNING, "secret " + name + " could not be decrypted; it was tampered with");
      return Optional.empty();
    }
  }

  /** Answers {@code secrets.*}; none of them answers a value. */
  public void serve(IpcRouter router) {
    router.local(SecretsMethods.SET, this::set);
    router.local(SecretsMethods.HAS, p -> has(p.name()));
    router.local(SecretsMethods.DELETE, p -> delete(p.name()));
    router.local(SecretsMethods.STATUS, p -> status());
  }

  private static Optional<Cipher256.Sealed> row(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT nonce, ciphertext FROM secrets WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Cipher256.Sealed(rs.getBytes(1), rs.getBytes(2)))
            : Optional.empty();
      }
    }
  }

  private static Optional<byte[]> storedKeyCheck(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT key_check FROM secrets_master WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
    }
  }
}

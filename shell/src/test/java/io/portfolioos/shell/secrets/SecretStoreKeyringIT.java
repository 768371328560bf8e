package io.portfolioos.shell.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.Keyring;
import io.portfolioos.contract.secrets.SecretValue;
import io.portfolioos.contract.secrets.SecretsBackendKind;
import io.portfolioos.shell.state.AppState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real OS keyring path: GNOME Keyring over a private D-Bus session. */
@Timeout(60)
class SecretStoreKeyringIT {
  @TempDir static Path home;
  @TempDir Path dataDir;
  static GnomeKeyringSession keyring;

  @BeforeAll
  static void startKeyring() throws Exception {
    keyring = GnomeKeyringSession.start(home);
  }

  @AfterAll
  static void stopKeyring() throws Exception {
    keyring.close();
  }

  @Test
  void theMasterKeyLivesInTheKeyringAndNoKeyFileIsWritten() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      SecretStore store = SecretStore.open(state, dataDir);
      assertThat(store.status().backend()).isEqualTo(SecretsBackendKind.KEYRING);
      assertThat(store.status().detail()).contains("Secret Service");
      store.set(new SecretValue("fred", "fred-key-123"));
      assertThat(store.reveal("fred")).contains("fred-key-123");
    }
    assertThat(dataDir.resolve(KeyFileHome.FILE_NAME)).doesNotExist();
    try (Keyring k = Keyring.create()) {
      String stored = k.getPassword(KeyringHome.SERVICE, "master-key:" + dataDir);
      assertThat(Base64.getDecoder().decode(stored)).hasSize(32);
    }
    try (AppState state = AppState.open(dataDir)) {
      assertThat(SecretStore.open(state, dataDir).reveal("fred")).contains("fred-key-123");
    }
  }

  @Test
  void aKeyFileFromARunWithoutKeyringMovesIntoTheKeyring() throws Exception {
    String bus = System.getProperty("DBUS_SESSION_BUS_ADDRESS");
    System.setProperty("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dataDir.resolve("no-bus"));
    try (AppState state = AppState.open(dataDir)) {
      SecretStore offline = SecretStore.open(state, dataDir);
      assertThat(offline.status().backend()).isEqualTo(SecretsBackendKind.FILE);
      offline.set(new SecretValue("openai", "sk-offline"));
    } finally {
      System.setProperty("DBUS_SESSION_BUS_ADDRESS", bus);
    }
    assertThat(dataDir.resolve(KeyFileHome.FILE_NAME)).exists();

    try (AppState state = AppState.open(dataDir)) {
      SecretStore store = SecretStore.open(state, dataDir);
      assertThat(store.status().backend()).isEqualTo(SecretsBackendKind.KEYRING);
      assertThat(store.reveal("openai")).contains("sk-offline");
    }
    assertThat(Files.exists(dataDir.resolve(KeyFileHome.FILE_NAME))).isFalse();
  }
}

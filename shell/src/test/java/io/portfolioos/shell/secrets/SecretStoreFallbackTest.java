package io.portfolioos.shell.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.secrets.SecretState;
import io.portfolioos.contract.secrets.SecretValue;
import io.portfolioos.contract.secrets.SecretsBackend;
import io.portfolioos.contract.secrets.SecretsBackendKind;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.sidecar.SidecarClient;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.state.AppState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No OS keyring reachable (the session bus address points at nothing): the master key falls back to
 * a 0600 file, the status says so, and keys still never leave the store in the clear.
 */
class SecretStoreFallbackTest {
  static final String KEY = "sk-test-4f1c9a7e2b55d0c3";

  @TempDir Path dataDir;
  private @Nullable String previousBus;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void noSessionBus() {
    previousBus = System.getProperty("DBUS_SESSION_BUS_ADDRESS");
    System.setProperty(
        "DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dataDir.resolve("no-such-bus-socket"));
  }

  @AfterEach
  void restore() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
    if (previousBus == null) {
      System.clearProperty("DBUS_SESSION_BUS_ADDRESS");
    } else {
      System.setProperty("DBUS_SESSION_BUS_ADDRESS", previousBus);
    }
  }

  private AppState state() throws Exception {
    AppState s = AppState.open(dataDir);
    open.add(s);
    return s;
  }

  @Test
  void theMasterKeyFallsBackToAFileOnlyTheOwnerCanReadAndTheStatusSaysSo() throws Exception {
    SecretStore store = SecretStore.open(state(), dataDir);
    SecretsBackend status = store.status();
    Path keyFile = dataDir.resolve(KeyFileHome.FILE_NAME);
    assertThat(status.backend()).isEqualTo(SecretsBackendKind.FILE);
    assertThat(status.detail()).contains(keyFile.toString()).contains("no OS keyring is reachable");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
  }

  @Test
  void aStoredKeyIsRevealedOnlyToTheShellAndSurvivesARestart() throws Exception {
    SecretStore store = SecretStore.open(state(), dataDir);
    assertThat(store.has("fred")).isEqualTo(new SecretState("fred", false));
    assertThat(store.set(new SecretValue("fred", KEY))).isEqualTo(new SecretState("fred", true));
    assertThat(store.has("fred").stored()).isTrue();
    assertThat(store.reveal("fred")).contains(KEY);
    open.removeFirst().close();

    SecretStore reopened = SecretStore.open(state(), dataDir);
    assertThat(reopened.reveal("fred")).contains(KEY);
    reopened.set(new SecretValue("fred", "replaced-key"));
    assertThat(reopened.reveal("fred")).contains("replaced-key");
    assertThat(reopened.delete("fred")).isEqualTo(new SecretState("fred", false));
    assertThat(reopened.has("fred").stored()).isFalse();
    assertThat(reopened.reveal("fred")).isEmpty();
    assertThat(reopened.delete("fred").stored()).isFalse();
  }

  @Test
  void noFileInTheDataDirHoldsTheKeyInTheClear() throws Exception {
    AppState state = state();
    SecretStore store = SecretStore.open(state, dataDir);
    store.set(new SecretValue("openai", KEY));
    byte[] needle = KEY.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(f), needle)).as(f.toString()).isEqualTo(-1);
      }
    }
  }

  @Test
  void aCiphertextMovedOntoAnotherNameDoesNotDecrypt() throws Exception {
    AppState state = state();
    SecretStore store = SecretStore.open(state, dataDir);
    store.set(new SecretValue("openai", KEY));
    store.set(new SecretValue("fred", "other"));
    state.write(
        c ->
            c.createStatement()
                .executeUpdate(
                    "UPDATE secrets SET (nonce, ciphertext) = (SELECT nonce, ciphertext FROM"
                        + " secrets WHERE name = 'openai') WHERE name = 'fred'"));
    assertThat(store.reveal("fred")).isEmpty();
    assertThat(store.reveal("openai")).contains(KEY);
  }

  @Test
  void keysSealedByALostMasterKeyAreReportedAndCanOnlyBeDeleted() throws Exception {
    SecretStore first = SecretStore.open(state(), dataDir);
    first.set(new SecretValue("fred", KEY));
    open.removeFirst().close();
    Files.delete(dataDir.resolve(KeyFileHome.FILE_NAME));

    SecretStore store = SecretStore.open(state(), dataDir);
    assertThat(store.status().detail()).contains("encrypted with a different master key");
    assertThat(store.has("fred").stored()).isTrue();
    assertThat(store.reveal("fred")).isEmpty();
    assertThatThrownBy(() -> store.set(new SecretValue("openai", KEY)))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

    store.delete("fred");
    assertThat(store.status().detail()).doesNotContain("different master key");
    store.set(new SecretValue("openai", KEY));
    assertThat(store.reveal("openai")).contains(KEY);
  }

  @Test
  void overIpcNoAnswerErrorOrLogLineCarriesTheKey() throws Exception {
    Path fakeJar = Files.createFile(dataDir.resolve("never-started.jar"));
    SidecarClient sidecar =
        new SidecarClient(SidecarSettings.defaults(fakeJar, dataDir, List.of()));
    IpcRouter router = new IpcRouter(sidecar);
    SecretStore.open(state(), dataDir).serve(router);
    try (LogCapture logs = new LogCapture()) {
      List<ObjectNode> answers = new ArrayList<>();
      answers.add(call(router, "secrets.set", "{\"name\":\"fred\",\"value\":\"" + KEY + "\"}"));
      answers.add(call(router, "secrets.has", "{\"name\":\"fred\"}"));
      answers.add(call(router, "secrets.status", "{}"));
      answers.add(call(router, "secrets.set", "{\"name\":\"Bad Name\",\"value\":\"" + KEY + "\"}"));
      answers.add(call(router, "secrets.set", "{\"name\":\"fred\",\"value\":\"" + KEY + "\\n\"}"));
      answers.add(
          call(router, "secrets.set", "{\"name\":\"fred\",\"value\":\"" + KEY + "\",\"x\":1}"));
      answers.add(call(router, "secrets.delete", "{\"name\":\"fred\"}"));

      assertThat(answers.get(0).toString())
          .isEqualTo("{\"ok\":true,\"data\":{\"name\":\"fred\",\"stored\":true}}");
      assertThat(answers.get(3).at("/error/field").asText()).isEqualTo("name");
      assertThat(answers.get(4).at("/error/field").asText()).isEqualTo("value");
      assertThat(answers.get(5).at("/error/code").asText()).isEqualTo("INVALID_PARAMS");
      for (ObjectNode a : answers) {
        assertThat(a.toString()).doesNotContain(KEY);
      }
      assertThat(logs.text()).contains("stored secret fred").doesNotContain(KEY);
    }
    assertThat(new SecretValue("fred", KEY).toString()).doesNotContain(KEY);
  }

  private static ObjectNode call(IpcRouter router, String method, String params) throws Exception {
    return router.route(method, Json.MAPPER.readTree(params), null, null).get();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package io.portfolioos.shell.llm;

import io.portfolioos.contract.llm.LlmProviderKind;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored provider. {@code keyName} names a secret; the key itself is never held here. */
record Provider(
    String id,
    String name,
    LlmProviderKind kind,
    String baseUrl,
    @Nullable String model,
    @Nullable String keyName,
    boolean isDefault,
    @Nullable Instant consentedAt) {

  /**
   * Whether a chat sends data off this computer: always for the cloud kinds (whatever their
   * address), and for any other kind whose host is not a loopback address.
   */
  boolean leavesMachine() {
    return kind.cloud() || !loopback(baseUrl);
  }

  boolean mayChat() {
    return !leavesMachine() || consentedAt != null;
  }

  String host() {
    String host = URI.create(baseUrl).getHost();
    return host == null ? baseUrl : host;
  }

  Provider withConsent(@Nullable Instant at) {
    return new Provider(id, name, kind, baseUrl, model, keyName, isDefault, at);
  }

  static boolean loopback(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would itself leave the machine.
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

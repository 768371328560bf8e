package io.portfolioos.sidecar.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.contract.system.PingParams;
import io.portfolioos.contract.system.Pong;
import io.portfolioos.contract.wire.Envelope;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.contract.wire.ParamsDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Jackson's first use costs about 100 ms even from the AOT cache: building the mapper (its default
 * date format loads the locale data), the first tree read and the first record written. Done on a
 * spare thread while main registers the handlers, it is off the path to the first answer.
 */
final class JsonWarmUp {
  private static final byte[] SAMPLE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"system.ping\",\"params\":{\"echo\":\"warm\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private JsonWarmUp() {}

  static void run() {
    try {
      JsonNode node = Json.MAPPER.readTree(SAMPLE);
      Envelope.Call call = (Envelope.Call) Envelope.classify(node);
      PingParams params = ParamsDecoder.decode(call.params(), PingParams.class);
      Envelope.resultBytes(
          Objects.requireNonNull(call.id()), new Pong(true, 0, "", 0, params.echo()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.portfolioos.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.typescript.TypeScriptClientGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GeneratedClientTest {

  @Test
  void checkedInWebClientMatchesTheRegistry() throws Exception {
    Path checkedIn = Path.of(System.getProperty("generated.ts", "../web/src/generated/api.ts"));
    assertThat(checkedIn).exists();
    assertThat(Files.readString(checkedIn))
        .as(
            "web/src/generated/api.ts is stale: run ./mvnw -q -pl ipc-contract compile"
                + " exec:java@update-ts and commit it")
        .isEqualTo(TypeScriptClientGenerator.generate());
  }

  @Test
  void everyMethodAppearsInTheClientUnderItsDottedPath() {
    String ts = TypeScriptClientGenerator.generate();
    for (Method<?, ?> m : Contract.ALL) {
      assertThat(ts).contains("call<").contains("\"" + m.name() + "\", params, options)");
    }
    assertThat(ts).contains("system: {").contains("ping: (params: PingParams = {},");
    assertThat(ts).contains("export interface Pong {\n  pong: boolean;\n  pid: number;");
    assertThat(ts).contains("shell?: ShellInfo | null;");
  }
}

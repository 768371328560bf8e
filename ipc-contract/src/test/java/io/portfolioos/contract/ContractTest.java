package io.portfolioos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.system.SystemMethods;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContractTest {

  @Test
  void everyMethodIsFoundByItsWireName() {
    for (Method<?, ?> m : Contract.ALL) {
      assertThat(Contract.find(m.name())).containsSame(m);
    }
    assertThat(Contract.find("no.suchMethod")).isEmpty();
  }

  @Test
  void pingIsASidecarReadWithATimeout() {
    assertThat(SystemMethods.PING.kind()).isEqualTo(Kind.READ);
    assertThat(SystemMethods.PING.owner()).isEqualTo(Owner.SIDECAR);
    assertThat(SystemMethods.PING.timeout()).isPositive();
  }

  @Test
  void aMethodNameMustBeDottedCamelCase() {
    assertThatThrownBy(
            () -> Method.read("Ping", Empty.class, Empty.class, Duration.ofSeconds(1), Owner.SHELL))
        .hasMessageContaining("dotted camelCase");
  }

  @Test
  void theVersionIsFilteredFromTheBuild() {
    assertThat(Contract.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void standardErrorsKeepTheirSpecificationNumbers() {
    assertThat(ErrorCode.PARSE_ERROR.rpcCode()).isEqualTo(-32700);
    assertThat(ErrorCode.INVALID_REQUEST.rpcCode()).isEqualTo(-32600);
    assertThat(ErrorCode.METHOD_NOT_FOUND.rpcCode()).isEqualTo(-32601);
    assertThat(ErrorCode.INVALID_PARAMS.rpcCode()).isEqualTo(-32602);
    assertThat(ErrorCode.INTERNAL.rpcCode()).isEqualTo(-32603);
    for (ErrorCode c : ErrorCode.values()) {
      if (c.rpcCode() > -32100) {
        assertThat(c.rpcCode()).as(c.name()).isBetween(-32099, -32000);
      }
    }
  }
}

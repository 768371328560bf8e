package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portfolioos.sidecar.LineProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accounts.* and ledger.* over the real sidecar process and its JSON-RPC pipes. */
class LedgerJarIT {
  @TempDir Path dataDir;
  @TempDir Path files;

  private LineProcess start() throws Exception {
    return LineProcess.start(
        LineProcess.sidecarCommand(dataDir),
        dataDir.resolveSibling(dataDir.getFileName() + "-stderr.log"));
  }

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%s\",\"params\":%s}"
        .formatted(id, method, params);
  }

  @Test
  void importsComputesLotsAndKeepsThemAcrossARestart() throws Exception {
    Path csv =
        Files.writeString(
            files.resolve("ledger.csv"),
            """
            date,type,symbol,quantity,price,fees,amount,currency,ratio,description
            2023-01-10,BUY,ACME,10,100,0,,USD,,
            2023-06-01,BUY,ACME,10,150,0,,USD,,
            2024-03-01,SELL,ACME,15,200,10,,USD,,
            """);
    try (LineProcess sidecar = start()) {
      JsonNode account =
          sidecar.call(request(1, "accounts.create", "{\"name\":\"Taxable\",\"type\":\"401K\"}"));
      assertThat(account.at("/result/type").asText()).isEqualTo("401K");
      long id = account.at("/result/id").asLong();

      JsonNode imported =
          sidecar.call(
              request(
                  2, "ledger.importCsv", "{\"path\":\"%s\",\"accountId\":%d}".formatted(csv, id)));
      assertThat(imported.at("/result/broker").asText()).isEqualTo("generic");
      assertThat(imported.at("/result/imported").asLong()).isEqualTo(3);

      JsonNode holdings = sidecar.call(request(3, "ledger.holdings", "{}"));
      assertThat(holdings.at("/result/0/quantity").asText()).isEqualTo("5.00000000");
      assertThat(holdings.at("/result/0/realizedGain").asText()).isEqualTo("1240.000000");

      JsonNode bad =
          sidecar.call(
              request(
                  4, "ledger.importCsv", "{\"path\":\"%s\",\"accountId\":\"x\"}".formatted(csv)));
      assertThat(bad.at("/error/data/field").asText()).isEqualTo("accountId");

      Path sale =
          Files.writeString(
              files.resolve("sale.csv"),
              "date,type,symbol,quantity,price,fees,amount,currency,ratio,description\n"
                  + "2024-04-01,SELL,ACME,50,200,0,,USD,,\n");
      JsonNode refused =
          sidecar.call(
              request(
                  5, "ledger.importCsv", "{\"path\":\"%s\",\"accountId\":%d}".formatted(sale, id)));
      assertThat(refused.at("/error/data/code").asText()).isEqualTo("INSUFFICIENT_SHARES");
      assertThat(refused.at("/error/message").asText()).contains("line 2");
    }
    try (LineProcess again = start()) {
      JsonNode realized = again.call(request(1, "ledger.realized", "{\"year\":2024}"));
      assertThat(realized.at("/result").size()).isEqualTo(2);
      assertThat(realized.at("/result/1/term").asText()).isEqualTo("SHORT");
    }
  }
}

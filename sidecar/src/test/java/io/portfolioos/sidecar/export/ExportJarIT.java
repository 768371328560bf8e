package io.portfolioos.sidecar.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.sidecar.LineProcess;
import io.portfolioos.sidecar.db.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.export through the real sidecar process over its pipes. */
class ExportJarIT {
  @TempDir Path dir;
  private int ids;

  private static final String LEDGER =
      """
      date,type,symbol,quantity,price,fees,amount,currency,ratio,description,acquired
      2020-01-02,DEPOSIT,,,,,20000,USD,,=cash in,
      2020-01-03,BUY,AAPL,10,100,1,,USD,,-first buy,
      2020-06-01,BUY,AAPL,5,120,1.5,,USD,,"+second, ""quoted""\",
      2020-08-31,SPLIT,AAPL,,,,,USD,4:1,,
      2021-02-01,SELL,AAPL,12,40,1,,USD,,@sale,
      2021-03-01,DIVIDEND,AAPL,,,,12.5,USD,,,
      2021-04-01,TRANSFER_IN,MSFT,3,,,600,USD,,from old broker,2019-05-05
      2022-01-10,SELL,MSFT,1,300,0,,USD,,,
      2022-02-01,REINVEST,MSFT,0.5,310,0,,USD,,,
      2022-03-01,BUY,VTI,7.125,201.33,0,,USD,,,
      2023-03-02,SELL,VTI,2,250,0.5,,USD,,,
      """;

  private LineProcess start(Path dataDir) throws Exception {
    return LineProcess.start(
        LineProcess.sidecarCommand(dataDir), dir.resolve(dataDir.getFileName() + "-stderr.log"));
  }

  private JsonNode call(LineProcess p, String method, Map<String, Object> params) throws Exception {
    ObjectNode req = Json.MAPPER.createObjectNode();
    req.put("jsonrpc", "2.0").put("id", ++ids).put("method", method);
    req.set("params", Json.MAPPER.valueToTree(params));
    JsonNode reply = p.call(Json.MAPPER.writeValueAsString(req));
    assertThat(reply.has("error")).as("%s answered %s", method, reply).isFalse();
    return reply.get("result");
  }

  private long account(LineProcess p, String name) throws Exception {
    return call(p, "accounts.create", Map.of("name", name, "type", "TAXABLE")).get("id").asLong();
  }

  /**
   * The account's holdings, lots and realized gains with the ids that differ between accounts left
   * out.
   */
  private JsonNode book(LineProcess p, long account) throws Exception {
    ObjectNode book = Json.MAPPER.createObjectNode();
    ArrayNode holdings = (ArrayNode) call(p, "ledger.holdings", Map.of("accountId", account));
    holdings.forEach(h -> ((ObjectNode) h).remove("accountId"));
    book.set("holdings", holdings);
    ArrayNode lots = Json.MAPPER.createArrayNode();
    for (JsonNode h : holdings) {
      for (JsonNode lot :
          call(
              p, "ledger.lots", Map.of("accountId", account, "symbol", h.get("symbol").asText()))) {
        ((ObjectNode) lot).remove("lotId");
        lots.add(lot);
      }
    }
    book.set("lots", lots);
    ArrayNode realized = (ArrayNode) call(p, "ledger.realized", Map.of("accountId", account));
    realized.forEach(d -> ((ObjectNode) d).remove(List.of("accountId", "transactionId", "lotId")));
    book.set("realized", realized);
    return book;
  }

  @Test
  void aCsvExportReimportsIntoAnEmptyAccountWithIdenticalHoldingsLotsAndRealized()
      throws Exception {
    Path csv = Files.writeString(dir.resolve("ledger.csv"), LEDGER, StandardCharsets.UTF_8);
    Path export = dir.resolve("export.csv");
    try (LineProcess p = start(dir.resolve("data"))) {
      long original = account(p, "Original");
      call(p, "ledger.importCsv", Map.of("path", csv.toString(), "accountId", original));
      JsonNode result =
          call(
              p,
              "data.export",
              Map.of(
                  "kind",
                  "transactions",
                  "format",
                  "csv",
                  "path",
                  export.toString(),
                  "filters",
                  Map.of("accountId", original)));
      assertThat(result.get("rows").asLong()).isEqualTo(11);
      long copy = account(p, "Copy");
      JsonNode imported =
          call(p, "ledger.importCsv", Map.of("path", export.toString(), "accountId", copy));

      assertThat(imported.get("imported").asLong()).isEqualTo(11);
      assertThat(imported.get("rejected")).isEmpty();
      JsonNode before = book(p, original);
      assertThat(before.get("realized")).isNotEmpty();
      assertThat(before.get("lots")).isNotEmpty();
      assertThat(book(p, copy)).isEqualTo(before);
    }
    assertThat(Files.readString(export))
        .contains("'=cash in", "'-first buy", "'@sale", "\"'+second, \"\"quoted\"\"\"");
  }

  @Test
  void killingTheSidecarMidExportLeavesNoPartialFile() throws Exception {
    Path dataDir = dir.resolve("big");
    Files.createDirectories(dataDir);
    try (Database db = Database.open(dataDir.resolve("analytics.duckdb"))) {
      db.write(
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute("INSERT INTO accounts (id, name, type) VALUES (1, 'Big', 'TAXABLE')");
              s.execute(
                  "INSERT INTO transactions (id, account_id, line, date, type, symbol, quantity,"
                      + " price, fees, amount, currency, description, fingerprint)"
                      + " SELECT i, 1, i + 1, DATE '2000-01-01' + CAST(i % 9000 AS INTEGER),"
                      + " 'BUY', 'S' || (i % 1000), 1, 10, 0, -10, 'USD', 'row ' || i, i"
                      + " FROM range(1000000) r(i)");
            }
            return null;
          });
    }
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Path target = out.resolve("all.csv");
    try (LineProcess p = start(dataDir)) {
      p.send(
          Json.MAPPER.writeValueAsString(
              Map.of(
                  "jsonrpc",
                  "2.0",
                  "id",
                  1,
                  "method",
                  "data.export",
                  "params",
                  Map.of("kind", "transactions", "format", "csv", "path", target.toString()))));
      JsonNode n;
      do {
        n = p.next(); // progress notifications until the COPY is writing
      } while (!(n.has("method") && n.at("/params/message").asText().equals("writing")));
      assertThat(n.has("id")).isFalse();
      p.close(); // SIGKILL
    }
    assertThat(target).doesNotExist();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
    try (LineProcess p = start(dataDir)) {
      call(p, "system.ping", Map.of());
      try (Stream<Path> left = Files.list(dataDir.resolve(AtomicTarget.TMP_DIR))) {
        assertThat(left).as("the restarted sidecar swept the killed export's temp file").isEmpty();
      }
    }
  }
}

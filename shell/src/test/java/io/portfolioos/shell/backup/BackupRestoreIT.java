package io.portfolioos.shell.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portfolioos.contract.Contract;
import io.portfolioos.contract.Kind;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.data.BackupEntry;
import io.portfolioos.contract.data.BackupManifest;
import io.portfolioos.contract.wire.Json;
import io.portfolioos.shell.app.ShellApp;
import io.portfolioos.shell.sidecar.SidecarSettings;
import io.portfolioos.shell.sidecar.SidecarState;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.backup and data.restore through the real shell, sidecar process, DuckDB and SQLite. */
class BackupRestoreIT {
  @TempDir Path dir;
  private final List<ShellApp> apps = new ArrayList<>();

  /** Reads that answer about the machine or the moment, not the data. */
  private static final Set<String> NOT_DATA =
      Set.of("system.ping", "system.info", "data.export", "secrets.status");

  /** Params for the reads that need some; every other read gets {}. */
  private static final Map<String, Map<String, Object>> PARAMS =
      Map.of(
          "ledger.lots", Map.of("accountId", 1, "symbol", "AAPL"),
          "ledger.reconcile", Map.of("accountId", 1, "reported", List.of()),
          "settings.get", Map.of("key", "theme"));

  private static final String LEDGER =
      """
      date,type,symbol,quantity,price,fees,amount,currency,ratio,description,acquired
      2020-01-03,BUY,AAPL,10,100,1,,USD,,first,
      2020-08-31,SPLIT,AAPL,,,,,USD,4:1,,
      2021-02-01,SELL,AAPL,12,40,1,,USD,,,
      2021-04-01,TRANSFER_IN,MSFT,3,,,600,USD,,,2019-05-05
      2022-01-10,SELL,MSFT,1,300,0,,USD,,,
      """;

  private static final String SIMULATION =
      """
      {"initialPortfolio": 500000, "years": 20, "trials": 500, "seed": 7,
       "allocation": {"stocks": 0.7, "bonds": 0.3},
       "returns": {"model": "bootstrap", "blockYears": 3},
       "withdrawal": {"strategy": "constantDollar", "rate": 0.04}}
      """;

  @AfterEach
  void stop() {
    apps.forEach(ShellApp::close);
  }

  private ShellApp app(String name) throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve(name));
    ShellApp app =
        new ShellApp(
            dataDir,
            SidecarSettings.defaults(
                Path.of(System.getProperty("sidecar.jar")), dataDir, List.of()));
    apps.add(app);
    app.start();
    assertThat(app.awaitRunning(30_000)).isTrue();
    return app;
  }

  private static ObjectNode route(ShellApp app, String method, Object params) throws Exception {
    return app.router()
        .route(method, Json.MAPPER.valueToTree(params), null, null)
        .get(120, TimeUnit.SECONDS);
  }

  private static JsonNode ok(ShellApp app, String method, Object params) throws Exception {
    ObjectNode r = route(app, method, params);
    assertThat(r.get("ok").asBoolean()).as("%s answered %s", method, r).isTrue();
    return r.get("data");
  }

  /** Every read method's answer, by name. */
  private static Map<String, JsonNode> everyRead(ShellApp app) throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (Method<?, ?> m : Contract.ALL) {
      if (m.kind() == Kind.READ && !NOT_DATA.contains(m.name())) {
        answers.put(m.name(), route(app, m.name(), PARAMS.getOrDefault(m.name(), Map.of())));
      }
    }
    return answers;
  }

  private static ShellApp seeded(ShellApp app, Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("ledger.csv"), LEDGER, StandardCharsets.UTF_8);
    ok(app, "accounts.create", Map.of("name", "Brokerage", "type", "TAXABLE"));
    ok(app, "accounts.create", Map.of("name", "Roth", "type", "ROTH_IRA"));
    ok(app, "ledger.importCsv", Map.of("path", csv.toString(), "accountId", 1));
    ok(app, "settings.set", Map.of("key", "theme", "value", "dark"));
    ok(app, "simulation.run", Map.of("config", Json.MAPPER.readTree(SIMULATION)));
    return app;
  }

  @Test
  void aBackupRestoredIntoAnEmptyDataDirAnswersEveryReadIdentically() throws Exception {
    ShellApp original = seeded(app("original"), dir);
    Map<String, JsonNode> before = everyRead(original);
    assertThat(before.get("ledger.holdings").at("/data")).isNotEmpty();
    assertThat(before.get("simulation.runs").at("/data")).hasSize(1);
    Path archive = dir.resolve("backup.zip");

    JsonNode backup = ok(original, "data.backup", Map.of("path", archive.toString()));

    assertThat(backup.at("/manifest/entries")).hasSize(2);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName))
          .containsExactly("manifest.json", "analytics.duckdb", "app.sqlite");
    }
    ShellApp fresh = app("fresh");
    JsonNode restored = ok(fresh, "data.restore", Map.of("path", archive.toString()));

    assertThat(restored.get("analyticsSchemaVersion").asInt())
        .isEqualTo(backup.at("/manifest/analyticsSchemaVersion").asInt());
    assertThat(everyRead(fresh)).isEqualTo(before);
    assertThat(leftovers(dir.resolve("fresh"))).isEmpty();
  }

  @Test
  void aCorruptedArchiveIsRefusedAndTheCurrentDataIsUntouched() throws Exception {
    ShellApp app = seeded(app("live"), dir);
    Path archive = dir.resolve("backup.zip");
    ok(app, "data.backup", Map.of("path", archive.toString()));
    ok(app, "accounts.create", Map.of("name", "Added after the backup", "type", "HSA"));
    Map<String, JsonNode> before = everyRead(app);
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 0x01;
    Path corrupted = Files.write(dir.resolve("corrupted.zip"), bytes);

    ObjectNode r = route(app, "data.restore", Map.of("path", corrupted.toString()));

    assertThat(r.get("ok").asBoolean()).isFalse();
    assertThat(r.at("/error/code").asText()).isEqualTo("INVALID_PARAMS");
    assertThat(r.at("/error/message").asText()).contains("damaged");
    assertThat(app.sidecar().state()).isEqualTo(SidecarState.RUNNING);
    assertThat(everyRead(app)).isEqualTo(before);
    assertThat(leftovers(dir.resolve("live"))).isEmpty();
  }

  @Test
  void anArchiveFromANewerVersionIsRefusedClearly() throws Exception {
    ShellApp app = app("current");
    Path archive = dir.resolve("backup.zip");
    ok(app, "data.backup", Map.of("path", archive.toString()));
    Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
    BackupManifest m = Archive.extract(archive, unpacked);
    Path newer = dir.resolve("newer.zip");
    Archive.write(
        newer,
        new BackupManifest(
            m.format(),
            "99.0.0",
            m.createdAt(),
            m.analyticsSchemaVersion() + 1,
            m.appSchemaVersion(),
            m.entries()),
        m.entries().stream().map(e -> unpacked.resolve(e.name())).toList());

    ObjectNode r = route(app, "data.restore", Map.of("path", newer.toString()));

    assertThat(r.at("/error/code").asText()).isEqualTo("UNSUPPORTED");
    assertThat(r.at("/error/message").asText())
        .contains("newer PortfolioOS (99.0.0", "Update PortfolioOS");
    assertThat(app.sidecar().state()).isEqualTo(SidecarState.RUNNING);
  }

  @Test
  void anArchiveFromAnOlderVersionIsMigratedAsItIsRestored() throws Exception {
    ShellApp original = seeded(app("older"), dir);
    Path archive = dir.resolve("backup.zip");
    ok(original, "data.backup", Map.of("path", archive.toString()));
    Path unpacked = Files.createDirectories(dir.resolve("unpacked-older"));
    BackupManifest m = Archive.extract(archive, unpacked);
    Path app = unpacked.resolve("app.sqlite");
    // Undo V002 by hand: what app.sqlite looked like when app-state schema 1 shipped.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app);
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM llm_providers WHERE id = 'lmstudio'");
      s.execute("ALTER TABLE llm_providers DROP COLUMN is_default");
      for (String column : List.of("tool_name", "tool_input", "provider_id", "model")) {
        s.execute("ALTER TABLE messages DROP COLUMN " + column);
      }
      s.execute("PRAGMA user_version = 1");
    }
    List<BackupEntry> entries = new ArrayList<>();
    for (BackupEntry e : m.entries()) {
      Path file = unpacked.resolve(e.name());
      try (InputStream in = Files.newInputStream(file)) {
        Sha256.Copied c = Sha256.copy(in, OutputStream.nullOutputStream());
        entries.add(new BackupEntry(e.name(), c.bytes(), c.sha256()));
      }
    }
    Path older = dir.resolve("older.zip");
    Archive.write(
        older,
        new BackupManifest(
            m.format(), m.appVersion(), m.createdAt(), m.analyticsSchemaVersion(), 1, entries),
        entries.stream().map(e -> unpacked.resolve(e.name())).toList());
    ShellApp fresh = app("fresh-from-older");

    ok(fresh, "data.restore", Map.of("path", older.toString()));

    assertThat(fresh.state().schemaVersion()).isEqualTo(2);
    assertThat(ok(fresh, "settings.get", Map.of("key", "theme")).get("value").asText())
        .isEqualTo("dark");
    assertThat(ok(fresh, "llm.providers.list", Map.of()).findValuesAsText("id"))
        .contains("lmstudio");
  }

  /** Staging and aside folders a restore must not leave behind. */
  private static List<Path> leftovers(Path dataDir) throws Exception {
    List<Path> left = new ArrayList<>();
    try (Stream<Path> top = Files.list(dataDir)) {
      top.filter(p -> p.getFileName().toString().startsWith("restore-previous-"))
          .forEach(left::add);
    }
    Path tmp = dataDir.resolve("tmp");
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> staged = Files.list(tmp)) {
        staged.filter(p -> !p.getFileName().toString().equals("export")).forEach(left::add);
      }
    }
    return left;
  }
}

package io.portfolioos.shell.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.settings.DataSource;
import io.portfolioos.contract.settings.DataSourceUpdate;
import io.portfolioos.contract.settings.SettingEntry;
import io.portfolioos.shell.state.AppState.WindowBounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** app.sqlite on a real file. */
class AppStateTest {
  @TempDir Path dataDir;

  @Test
  void aNewFileIsMigratedToTheLatestVersionInWalModeReadableOnlyByItsOwner() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      assertThat(state.schemaVersion()).isEqualTo(Migrations.ALL.size());
      assertThat(state.<String>read(c -> scalar(c, "PRAGMA journal_mode"))).isEqualTo("wal");
      assertThat(state.<String>read(c -> scalar(c, "PRAGMA foreign_keys"))).isEqualTo("1");
      assertThat(
              state.<String>read(
                  c ->
                      scalar(
                          c,
                          "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master"
                              + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY"
                              + " name)")))
          .isEqualTo(
              "consents,conversations,data_sources,import_presets,llm_providers,messages,"
                  + "preferences,secrets,secrets_master,window_state");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
  }

  @Test
  void yahooAndFredAreSeededEnabled() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      assertThat(state.dataSources())
          .containsExactly(
              new DataSource(
                  "fred", "FRED (St. Louis Fed)", "MACRO", "https://api.stlouisfed.org", 120, true),
              new DataSource(
                  "yahoo",
                  "Yahoo Finance",
                  "PRICES",
                  "https://query1.finance.yahoo.com",
                  60,
                  true));
    }
  }

  @Test
  void reopeningKeepsTheDataAndDoesNotMigrateTwice() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      state.setSetting(new SettingEntry("ui.theme", "dark"));
      state.updateDataSource(new DataSourceUpdate("fred", null, 30, false));
      state.saveWindowBounds(new WindowBounds(10, 20, 1200, 800, false));
    }
    try (AppState state = AppState.open(dataDir)) {
      assertThat(state.setting("ui.theme").value()).isEqualTo("dark");
      assertThat(state.dataSource("fred").orElseThrow())
          .extracting(DataSource::rateLimitPerMinute, DataSource::enabled)
          .containsExactly(30, false);
      assertThat(state.windowBounds()).contains(new WindowBounds(10, 20, 1200, 800, false));
      assertThat(state.dataSources()).hasSize(2);
    }
  }

  @Test
  void aFileFromANewerAppIsRefusedNotGuessedAt() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      state.read(c -> exec(c, "PRAGMA user_version = " + (Migrations.ALL.size() + 1)));
    }
    assertThatThrownBy(() -> AppState.open(dataDir))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("written by a newer PortfolioOS");
  }

  @Test
  void aFailedMigrationLeavesTheFileAtItsPreviousVersion() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file())) {
      exec(c, "CREATE TABLE preferences (clash INTEGER)");
    }
    assertThatThrownBy(() -> AppState.open(dataDir))
        .hasMessageContaining("migration V001__app_state.sql failed");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file())) {
      assertThat(Migrations.version(c)).isZero();
      assertThat(scalar(c, "SELECT count(*) FROM sqlite_master WHERE name = 'data_sources'"))
          .isEqualTo("0");
    }
  }

  @Test
  void settingsAreListedByKeyAndAbsentOnesAreNull() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      state.setSetting(new SettingEntry("ui.theme", "light"));
      state.setSetting(new SettingEntry("assistant.lastProvider", "local"));
      state.setSetting(new SettingEntry("ui.theme", "dark"));
      assertThat(state.settings())
          .containsExactly(
              new SettingEntry("assistant.lastProvider", "local"),
              new SettingEntry("ui.theme", "dark"));
      assertThat(state.setting("never.set")).isEqualTo(new SettingEntry("never.set", null));
    }
  }

  @Test
  void settingsTheAppReadsAreValidatedByValue() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      assertThatThrownBy(() -> state.setSetting(new SettingEntry("ui.theme", "purple")))
          .isInstanceOf(InvalidParamsException.class)
          .hasMessage("value: must be one of [dark, light, system]");
      assertThatThrownBy(() -> state.setSetting(new SettingEntry("ui.theme", null)))
          .isInstanceOf(InvalidParamsException.class)
          .extracting(e -> ((RpcException) e).field())
          .isEqualTo("value");
      assertThat(state.settings()).isEmpty();
    }
  }

  @Test
  void updatingADataSourceChangesOnlyTheGivenFields() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      DataSource updated =
          state.updateDataSource(
              new DataSourceUpdate("yahoo", "http://127.0.0.1:8080/yahoo/", null, null));
      assertThat(updated)
          .isEqualTo(
              new DataSource(
                  "yahoo", "Yahoo Finance", "PRICES", "http://127.0.0.1:8080/yahoo", 60, true));
    }
  }

  @Test
  void updatingAnUnknownDataSourceIsNotFoundNamingTheId() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      assertThatThrownBy(() -> state.updateDataSource(new DataSourceUpdate("nope", null, 5, null)))
          .isInstanceOfSatisfying(
              RpcException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(e.field()).isEqualTo("id");
              });
    }
  }

  @Test
  void aWriteThatThrowsLeavesNothingBehind() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      assertThatThrownBy(
              () ->
                  state.write(
                      c -> {
                        exec(c, "INSERT INTO preferences VALUES ('a.b', 'x', 'now')");
                        return exec(c, "INSERT INTO no_such_table VALUES (1)");
                      }))
          .isInstanceOf(RpcException.class)
          .hasMessage("The app's settings database failed (details in the app log)");
      assertThat(state.settings()).isEmpty();
      // and the connection is usable afterwards, back in auto-commit
      state.setSetting(new SettingEntry("a.b", "y"));
      assertThat(state.settings()).hasSize(1);
    }
  }

  @Test
  void aWriteInsideAWriteIsOneTransaction() throws Exception {
    try (AppState state = AppState.open(dataDir)) {
      assertThatThrownBy(
              () ->
                  state.write(
                      c -> {
                        state.setSetting(new SettingEntry("inner.write", "1"));
                        throw new IllegalStateException("outer fails after the inner write");
                      }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(state.settings()).isEmpty();
    }
  }

  @Test
  void migrationScriptsSplitIntoStatementsWithoutComments() {
    assertThat(
            Migrations.statements(
                "-- a comment\nCREATE TABLE t (a INT);\n\nINSERT INTO t VALUES\n  (1),\n  (2);\n"))
        .containsExactly("CREATE TABLE t (a INT);", "INSERT INTO t VALUES\n  (1),\n  (2);");
  }

  private Path file() {
    return dataDir.resolve(AppState.FILE_NAME);
  }

  private static String scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<Object> exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
    return List.of();
  }
}

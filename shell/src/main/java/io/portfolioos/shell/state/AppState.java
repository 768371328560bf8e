package io.portfolioos.shell.state;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.portfolio.Currency;
import io.portfolioos.contract.settings.DataSource;
import io.portfolioos.contract.settings.DataSourceUpdate;
import io.portfolioos.contract.settings.SettingEntry;
import io.portfolioos.contract.settings.SettingsMethods;
import io.portfolioos.shell.ipc.IpcRouter;
import io.portfolioos.shell.startup.StartupTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user's app state in {@code app.sqlite} (WAL, numbered migrations): preferences, window state,
 * data sources, LLM providers, consents, chat history, import presets and encrypted secrets.
 * Portfolio data is not here; it belongs to the sidecar.
 *
 * <p>One connection, one lock: app state is small and its calls are short, so serializing them is
 * simpler than pooling and makes every {@link #write} one transaction that no other call
 * interleaves with.
 */
public final class AppState implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AppState.class.getName());
  public static final String FILE_NAME = "app.sqlite";

  /** Work on the open connection, inside {@link #read} or {@link #write}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** The desktop window's last bounds, in screen pixels. */
  public record WindowBounds(int x, int y, int width, int height, boolean maximized) {}

  private Connection connection; // replaced only by reload(), under the lock
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Runnable> dataSourceListeners = new CopyOnWriteArrayList<>();
  private final Path file;

  private AppState(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Opens (creating it if needed) {@code app.sqlite} in {@code dataDir} and migrates it. */
  public static AppState open(Path dataDir) throws IOException, SQLException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE_NAME);
    OwnerOnly.createFile(file);
    AppState state = new AppState(connect(file), file);
    StartupTrace.mark("app state open");
    return state;
  }

  private static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
      }
      Migrations.apply(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  public Path file() {
    return file;
  }

  /**
   * Reopens the file after its contents were replaced (a restored backup), migrating it when an
   * older version wrote it. A fresh connection, because the old one may keep the replaced schema.
   */
  public void reload() {
    lock.lock();
    try {
      Connection fresh = connect(file);
      connection.close();
      connection = fresh;
    } catch (SQLException e) {
      throw storageFailure(e);
    } finally {
      lock.unlock();
    }
  }

  /** The schema version: the number of the last migration applied. */
  public int schemaVersion() {
    return read(Migrations::version);
  }

  /** Runs {@code work} alone on the connection, for queries. */
  public <T> T read(Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw storageFailure(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} as one transaction: it commits when work returns and rolls back when it
   * throws. A write inside a write joins the outer transaction.
   */
  public <T> T write(Work<T> work) {
    lock.lock();
    try {
      if (!connection.getAutoCommit()) {
        return work.run(connection); // joins the transaction already open
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw storageFailure(e);
    } finally {
      lock.unlock();
    }
  }

  public SettingEntry setting(String key) {
    return new SettingEntry(key, read(c -> Preferences.get(c, key)).orElse(null));
  }

  public SettingEntry setSetting(SettingEntry entry) {
    String value = entry.value();
    if (value == null) {
      throw new InvalidParamsException("value", "is required");
    }
    Preferences.validate(entry.key(), value);
    write(c -> Preferences.put(c, entry.key(), value));
    return entry;
  }

  /** The {@code portfolio.baseCurrency} preference: the currency of every valuation; USD unset. */
  public String baseCurrency() {
    return Currency.orDefault(setting(Preferences.BASE_CURRENCY).value());
  }

  public List<SettingEntry> settings() {
    return read(Preferences::all);
  }

  public List<DataSource> dataSources() {
    return read(DataSources::all);
  }

  public Optional<DataSource> dataSource(String id) {
    return read(c -> DataSources.find(c, id));
  }

  public DataSource updateDataSource(DataSourceUpdate update) {
    DataSource updated = write(c -> DataSources.update(c, update));
    dataSourceListeners.forEach(Runnable::run);
    return updated;
  }

  /** Runs {@code listener} after each data-source change is committed; it must not block. */
  public void onDataSourceChange(Runnable listener) {
    dataSourceListeners.add(listener);
  }

  public Optional<WindowBounds> windowBounds() {
    return read(WindowState::get);
  }

  public void saveWindowBounds(WindowBounds bounds) {
    write(
        c -> {
          WindowState.put(c, bounds);
          return null;
        });
  }

  /** Answers {@code settings.*} and {@code dataSources.*} from this state. */
  public void serve(IpcRouter router) {
    router.local(SettingsMethods.GET, p -> setting(p.key()));
    router.local(SettingsMethods.SET, this::setSetting);
    router.local(SettingsMethods.LIST, p -> settings());
    router.local(SettingsMethods.DATA_SOURCES_LIST, p -> dataSources());
    router.local(SettingsMethods.DATA_SOURCES_UPDATE, this::updateDataSource);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "closing " + file + " failed", e);
    } finally {
      lock.unlock();
    }
  }

  private RpcException storageFailure(SQLException e) {
    LOG.log(Level.SEVERE, "app state (" + file + ") failed", e);
    return new RpcException(
        ErrorCode.INTERNAL, "The app's settings database failed (details in the app log)", null, e);
  }
}

package io.portfolioos.contract.settings;

import io.portfolioos.contract.Empty;
import io.portfolioos.contract.Method;
import io.portfolioos.contract.Owner;
import java.time.Duration;
import java.util.List;

/** The user's preferences and market data sources, kept by the shell in app.sqlite. */
public final class SettingsMethods {
  private SettingsMethods() {}

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** A preference; its value is null when it was never set. */
  public static final Method<SettingKey, SettingEntry> GET =
      Method.read("settings.get", SettingKey.class, SettingEntry.class, TIMEOUT, Owner.SHELL);

  public static final Method<SettingEntry, SettingEntry> SET =
      Method.write("settings.set", SettingEntry.class, SettingEntry.class, TIMEOUT, Owner.SHELL);

  /** Every preference that was set, by key. */
  public static final Method<Empty, List<SettingEntry>> LIST =
      Method.readList("settings.list", Empty.class, SettingEntry.class, TIMEOUT, Owner.SHELL);

  public static final Method<Empty, List<DataSource>> DATA_SOURCES_LIST =
      Method.readList("dataSources.list", Empty.class, DataSource.class, TIMEOUT, Owner.SHELL);

  /** Changes the given fields of one data source and answers it as stored. */
  public static final Method<DataSourceUpdate, DataSource> DATA_SOURCES_UPDATE =
      Method.write(
          "dataSources.update", DataSourceUpdate.class, DataSource.class, TIMEOUT, Owner.SHELL);

  public static final List<Method<?, ?>> ALL =
      List.of(GET, SET, LIST, DATA_SOURCES_LIST, DATA_SOURCES_UPDATE);
}

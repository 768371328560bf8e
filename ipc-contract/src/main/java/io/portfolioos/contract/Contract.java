package io.portfolioos.contract;

import io.portfolioos.contract.data.DataMethods;
import io.portfolioos.contract.dialogs.DialogsMethods;
import io.portfolioos.contract.ledger.LedgerMethods;
import io.portfolioos.contract.llm.LlmMethods;
import io.portfolioos.contract.market.MarketMethods;
import io.portfolioos.contract.portfolio.PortfolioMethods;
import io.portfolioos.contract.secrets.SecretsMethods;
import io.portfolioos.contract.settings.SettingsMethods;
import io.portfolioos.contract.simulation.SimulationMethods;
import io.portfolioos.contract.system.SystemMethods;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** The registry: every IPC method of the app, each defined once in its domain's methods class. */
public final class Contract {
  private Contract() {}

  /** The app version, shared by shell, sidecar and the generated web client. */
  public static final String VERSION = loadVersion();

  public static final List<Method<?, ?>> ALL =
      Stream.of(
              SystemMethods.ALL,
              SimulationMethods.ALL,
              LedgerMethods.ALL,
              SettingsMethods.ALL,
              SecretsMethods.ALL,
              DialogsMethods.ALL,
              LlmMethods.ALL,
              MarketMethods.ALL,
              PortfolioMethods.ALL,
              DataMethods.ALL)
          .flatMap(List::stream)
          .toList();

  private static final Map<String, Method<?, ?>> BY_NAME = index(ALL);

  public static Optional<Method<?, ?>> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static Map<String, Method<?, ?>> index(List<Method<?, ?>> methods) {
    Map<String, Method<?, ?>> byName = new LinkedHashMap<>();
    for (Method<?, ?> m : methods) {
      if (byName.put(m.name(), m) != null) {
        throw new IllegalStateException("method defined twice: " + m.name());
      }
    }
    return Map.copyOf(byName);
  }

  private static String loadVersion() {
    try (InputStream in = Contract.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties missing from ipc-contract");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

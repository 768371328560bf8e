package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.AccountCreateParams;
import io.portfolioos.contract.ledger.AccountType;
import io.portfolioos.contract.ledger.Broker;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Disposal;
import io.portfolioos.contract.ledger.Holding;
import io.portfolioos.contract.ledger.HoldingsParams;
import io.portfolioos.contract.ledger.ImportCsvParams;
import io.portfolioos.contract.ledger.ImportResult;
import io.portfolioos.contract.ledger.Lot;
import io.portfolioos.contract.ledger.LotsParams;
import io.portfolioos.contract.ledger.RealizedParams;
import io.portfolioos.sidecar.db.Database;
import io.portfolioos.sidecar.rpc.RequestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real in-memory ledger with the sidecar's own parts, and shortcuts for tests. */
final class LedgerFixture implements AutoCloseable {
  static final String HEADER =
      "date,type,symbol,quantity,price,fees,amount,currency,ratio,description\n";

  final Database db = Database.inMemory();
  final LotEngine engine = new LotEngine();
  final Accounts accounts = new Accounts(db, engine);
  final Importer importer = new Importer(db, engine, LedgerModule.PRESETS);
  final Queries queries = new Queries(db, engine);
  final BatchDeleter batches = new BatchDeleter(db, engine);
  final LotAssigner assigner = new LotAssigner(db, engine);
  private final Path dir;

  LedgerFixture() {
    try {
      dir = Files.createTempDirectory("ledger-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long account(CostBasisMethod method) {
    return accounts
        .create(new AccountCreateParams("Test " + method, AccountType.TAXABLE, null, null, method))
        .id();
  }

  Path file(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports generic rows (the header is added). */
  ImportResult importRows(long account, String rows) {
    return importFile(account, file("import-" + System.nanoTime() + ".csv", HEADER + rows), null);
  }

  ImportResult importFile(long account, Path file, Broker broker) {
    return importer.importCsv(
        new ImportCsvParams(file.toString(), account, broker, false), RequestContext.NONE);
  }

  List<Holding> holdings(long account) {
    return queries.holdings(new HoldingsParams(account, null));
  }

  Holding holding(long account, String symbol) {
    return holdings(account).stream()
        .filter(h -> h.symbol().equals(symbol))
        .findFirst()
        .orElseThrow();
  }

  List<Lot> lots(long account, String symbol) {
    return queries.lots(new LotsParams(account, symbol, null));
  }

  List<Disposal> realized(long account) {
    return queries.realized(new RealizedParams(account, null, null));
  }

  @Override
  public void close() {
    db.close();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
      Files.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

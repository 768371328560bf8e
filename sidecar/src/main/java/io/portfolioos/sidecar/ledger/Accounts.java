package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.Account;
import io.portfolioos.contract.ledger.AccountCreateParams;
import io.portfolioos.contract.ledger.AccountDeleteParams;
import io.portfolioos.contract.ledger.AccountDeleted;
import io.portfolioos.contract.ledger.AccountType;
import io.portfolioos.contract.ledger.AccountUpdateParams;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.sidecar.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** accounts.*: the rows every transaction hangs off. */
final class Accounts {
  private static final String COLUMNS =
      "id, name, type, institution, currency, cost_basis_method FROM accounts";

  private final Database db;

  private final LotEngine engine;

  Accounts(Database db, LotEngine engine) {
    this.db = db;
    this.engine = engine;
  }

  Account create(AccountCreateParams p) {
    return db.write(
        c -> {
          long id;
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO accounts (name, type, institution, currency, cost_basis_method)"
                      + " VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, p.name().strip());
            s.setString(2, p.type().name());
            s.setString(3, p.institution());
            s.setString(4, p.currency());
            s.setString(5, String.valueOf(p.costBasisMethod()));
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          return require(c, id);
        });
  }

  List<Account> list() {
    return db.read(
        c -> {
          List<Account> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " ORDER BY id");
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              out.add(map(rs));
            }
          }
          return out;
        });
  }

  /** Changing the cost-basis method recomputes the account's lots in the same transaction. */
  Account update(AccountUpdateParams p) {
    return db.write(
        c -> {
          Account old = require(c, p.id());
          Account updated =
              new Account(
                  old.id(),
                  p.name() == null ? old.name() : p.name().strip(),
                  p.type() == null ? old.type() : p.type(),
                  p.institution() == null ? old.institution() : p.institution(),
                  p.currency() == null ? old.currency() : p.currency(),
                  p.costBasisMethod() == null ? old.costBasisMethod() : p.costBasisMethod());
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE accounts SET name = ?, type = ?, institution = ?, currency = ?,"
                      + " cost_basis_method = ? WHERE id = ?")) {
            s.setString(1, updated.name());
            s.setString(2, updated.type().name());
            s.setString(3, updated.institution());
            s.setString(4, updated.currency());
            s.setString(5, updated.costBasisMethod().name());
            s.setLong(6, updated.id());
            s.executeUpdate();
          }
          if (updated.costBasisMethod() != old.costBasisMethod()) {
            engine.recompute(c, updated.id(), null);
          }
          return updated;
        });
  }

  AccountDeleted delete(AccountDeleteParams p) {
    return db.write(
        c -> {
          require(c, p.id());
          long count = countTransactions(c, p.id());
          if (count > 0 && !Boolean.TRUE.equals(p.force())) {
            throw new RpcException(
                ErrorCode.CONFLICT,
                "account "
                    + p.id()
                    + " has "
                    + count
                    + " transactions; delete with force to remove them too",
                "force");
          }
          for (String sql :
              List.of(
                  "DELETE FROM lot_assignments WHERE transaction_id IN"
                      + " (SELECT id FROM transactions WHERE account_id = ?)",
                  "DELETE FROM transaction_flags WHERE transaction_id IN"
                      + " (SELECT id FROM transactions WHERE account_id = ?)",
                  "DELETE FROM transactions WHERE account_id = ?",
                  "DELETE FROM import_batches WHERE account_id = ?",
                  "DELETE FROM lots WHERE account_id = ?",
                  "DELETE FROM disposal_pieces WHERE account_id = ?",
                  "DELETE FROM disposals_pending WHERE account_id = ?",
                  "DELETE FROM positions WHERE account_id = ?",
                  "DELETE FROM accounts WHERE id = ?")) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
              s.setLong(1, p.id());
              s.executeUpdate();
            }
          }
          return new AccountDeleted(p.id(), count);
        });
  }

  static Account require(Connection c, long id) throws SQLException {
    return find(c, id)
        .orElseThrow(() -> new RpcException(ErrorCode.NOT_FOUND, "no account " + id, "id"));
  }

  static Optional<Account> find(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  private static long countTransactions(Connection c, long accountId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT count(*) FROM transactions WHERE account_id = ?")) {
      s.setLong(1, accountId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Account map(ResultSet rs) throws SQLException {
    return new Account(
        rs.getLong(1),
        rs.getString(2),
        AccountType.valueOf(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        CostBasisMethod.valueOf(rs.getString(6)));
  }
}

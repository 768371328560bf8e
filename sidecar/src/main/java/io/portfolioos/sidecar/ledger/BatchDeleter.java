package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.BatchDeleted;
import io.portfolioos.sidecar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** ledger.deleteBatch: undoes one import and recomputes the lots it touched. */
final class BatchDeleter {
  private final Database db;
  private final LotEngine engine;

  BatchDeleter(Database db, LotEngine engine) {
    this.db = db;
    this.engine = engine;
  }

  BatchDeleted delete(long batchId) {
    return db.write(
        c -> {
          long accountId;
          try (PreparedStatement s =
              c.prepareStatement("SELECT account_id FROM import_batches WHERE id = ?")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                throw new RpcException(
                    ErrorCode.NOT_FOUND, "no import batch " + batchId, "batchId");
              }
              accountId = rs.getLong(1);
            }
          }
          List<String> symbols = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT DISTINCT symbol FROM transactions WHERE batch_id = ?"
                      + " AND symbol IS NOT NULL AND type IN "
                      + LotEngine.LOT_TYPES)) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                symbols.add(rs.getString(1));
              }
            }
          }
          long deleted;
          for (String sql :
              List.of(
                  "DELETE FROM lot_assignments WHERE transaction_id IN"
                      + " (SELECT id FROM transactions WHERE batch_id = ?)",
                  "DELETE FROM transaction_flags WHERE transaction_id IN"
                      + " (SELECT id FROM transactions WHERE batch_id = ?)")) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
              s.setLong(1, batchId);
              s.executeUpdate();
            }
          }
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM transactions WHERE batch_id = ?")) {
            s.setLong(1, batchId);
            deleted = s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM import_batches WHERE id = ?")) {
            s.setLong(1, batchId);
            s.executeUpdate();
          }
          // a sale in another batch may now lack shares: that refuses the undo, naming the sale
          engine.recompute(c, accountId, symbols);
          return new BatchDeleted(batchId, deleted);
        });
  }
}

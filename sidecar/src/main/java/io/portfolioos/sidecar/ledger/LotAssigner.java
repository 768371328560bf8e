package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.InvalidParamsException;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.AssignLotsParams;
import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.Disposal;
import io.portfolioos.contract.ledger.LotAssignment;
import io.portfolioos.sidecar.db.Database;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * ledger.assignLots: records which lots a SELL in a SPECIFIC account sells and recomputes the
 * symbol. An assignment the replay cannot honour (a lot not open at the sale, too few shares in it)
 * is refused, and nothing changes.
 */
final class LotAssigner {
  private final Database db;
  private final LotEngine engine;

  LotAssigner(Database db, LotEngine engine) {
    this.db = db;
    this.engine = engine;
  }

  List<Disposal> assign(AssignLotsParams p) {
    return db.write(
        c -> {
          long accountId;
          String symbol;
          BigDecimal quantity;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT t.account_id, t.symbol, t.quantity, t.type, a.cost_basis_method"
                      + " FROM transactions t JOIN accounts a ON a.id = t.account_id"
                      + " WHERE t.id = ?")) {
            s.setLong(1, p.transactionId());
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                throw new RpcException(
                    ErrorCode.NOT_FOUND, "no transaction " + p.transactionId(), "transactionId");
              }
              accountId = rs.getLong(1);
              symbol = rs.getString(2);
              quantity = rs.getBigDecimal(3);
              if (!"SELL".equals(rs.getString(4))) {
                throw new InvalidParamsException("transactionId", "is not a SELL");
              }
              if (!CostBasisMethod.SPECIFIC.name().equals(rs.getString(5))) {
                throw new RpcException(
                    ErrorCode.CONFLICT,
                    "account "
                        + accountId
                        + " uses "
                        + rs.getString(5)
                        + "; specific lots apply to SPECIFIC accounts only",
                    "transactionId");
              }
            }
          }
          BigDecimal total =
              p.lots().stream()
                  .map(LotAssignment::quantity)
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          if (total.compareTo(quantity) != 0) {
            throw new InvalidParamsException(
                "lots",
                "assign "
                    + quantity.stripTrailingZeros().toPlainString()
                    + " shares in total, not "
                    + total.stripTrailingZeros().toPlainString());
          }
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM lot_assignments WHERE transaction_id = ?")) {
            s.setLong(1, p.transactionId());
            s.executeUpdate();
          }
          try (DuckDBAppender a =
              c.unwrap(DuckDBConnection.class)
                  .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "lot_assignments")) {
            for (int i = 0; i < p.lots().size(); i++) {
              LotAssignment l = p.lots().get(i);
              if (l.quantity().scale() > Fixed.QTY_SCALE) {
                throw new InvalidParamsException(
                    "lots[" + i + "].quantity", "has more than 8 decimals");
              }
              a.beginRow()
                  .append(p.transactionId())
                  .append(l.lotId())
                  .appendDecimal(Fixed.qtyOf(l.quantity()))
                  .endRow();
            }
          }
          engine.recompute(c, accountId, List.of(symbol));
          try (PreparedStatement s =
              c.prepareStatement("SELECT flag FROM transaction_flags WHERE transaction_id = ?")) {
            s.setLong(1, p.transactionId());
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                throw new RpcException(
                    ErrorCode.CONFLICT,
                    "the named lots do not hold those shares at the time of the sale",
                    "lots");
              }
            }
          }
          engine.storePendingDisposals(c, accountId, symbol);
          return Queries.disposals(
              c,
              "SELECT account_id, symbol, transaction_id, lot_id, acquired, sold, quantity,"
                  + " proceeds, cost_basis, gain, term FROM disposals WHERE transaction_id = ?"
                  + " ORDER BY acquired, lot_id",
              List.of(p.transactionId()));
        });
  }
}

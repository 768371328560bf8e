package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.RejectedLine;
import io.portfolioos.contract.ledger.TransactionType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a broker preset turns its file into: rows in the generic format (ISO dates, plain decimals,
 * generic types), each with its line in the file, plus the lines it rejected and why. The rows then
 * take the same validated bulk path as a generic CSV.
 */
final class StagedRows {
  record Row(
      long line,
      String date,
      TransactionType type,
      @Nullable String symbol,
      @Nullable String quantity,
      @Nullable String price,
      @Nullable String fees,
      @Nullable String amount,
      @Nullable String currency,
      @Nullable String ratio,
      @Nullable String description,
      @Nullable String acquired) {}

  final List<Row> rows = new ArrayList<>();
  final List<RejectedLine> rejected = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  void reject(long line, String reason) {
    rejected.add(new RejectedLine(line, reason));
  }
}

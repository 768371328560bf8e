package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ErrorCode;
import io.portfolioos.contract.RpcException;
import io.portfolioos.contract.ledger.CostBasisMethod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Replays one (account, symbol) in date order and keeps its open lots, disposals and realized gain.
 * Lots stay in acquisition order; FIFO walks from the front, LIFO from the back, HIFO through a
 * priority queue on cost per share, AVERAGE pools the basis (holding periods still run oldest
 * first, as for average-cost mutual fund shares), SPECIFIC takes the assigned lots and falls back
 * to FIFO, flagging the sale.
 */
final class LotBook {
  static final String NO_LOT_ASSIGNMENT = "NO_LOT_ASSIGNMENT";
  static final String INVALID_LOT_ASSIGNMENT = "INVALID_LOT_ASSIGNMENT";

  /** One open lot; {@code basis} is the basis of {@code remaining} (unused under AVERAGE). */
  static final class OpenLot {
    final long lotId;
    final int acquiredDay;
    final double costPerShare;
    long quantity;
    long remaining;
    long basis;

    OpenLot(long lotId, int acquiredDay, long quantity, long basis) {
      this.lotId = lotId;
      this.acquiredDay = acquiredDay;
      this.quantity = quantity;
      this.remaining = quantity;
      this.basis = basis;
      // Only orders HIFO: every lot's per-share cost scales alike under splits.
      this.costPerShare = quantity == 0 ? 0 : (double) basis / quantity;
    }
  }

  record Piece(
      long transactionId,
      long lotId,
      int acquiredDay,
      int soldDay,
      long quantity,
      long proceeds,
      long basis) {}

  record Flag(long transactionId, String flag) {}

  /** A specific-lot choice: take {@code quantity} of the sale from {@code lotId}. */
  record Assignment(long lotId, long quantity) {}

  private static final Comparator<OpenLot> HIGHEST_COST_FIRST =
      Comparator.<OpenLot>comparingDouble(l -> -l.costPerShare).thenComparingLong(l -> l.lotId);

  private final String symbol;
  private final CostBasisMethod method;
  private final Map<Long, List<Assignment>> assignments;
  private final boolean recordDisposals;
  private final ArrayList<OpenLot> lots = new ArrayList<>();
  private final PriorityQueue<OpenLot> byCost;
  private final List<Piece> disposals = new ArrayList<>();
  private final List<Flag> flags = new ArrayList<>(0);
  private final Sale current = new Sale();
  private int head;
  private long position;
  private long poolBasis;
  private long realized;

  LotBook(
      String symbol,
      CostBasisMethod method,
      Map<Long, List<Assignment>> assignments,
      boolean recordDisposals) {
    this.symbol = symbol;
    this.method = method;
    this.assignments = assignments;
    this.recordDisposals = recordDisposals;
    this.byCost = method == CostBasisMethod.HIFO ? new PriorityQueue<>(HIGHEST_COST_FIRST) : null;
  }

  void apply(Event e) {
    switch (e.type()) {
      case BUY, REINVEST -> acquire(e, e.day());
      case TRANSFER_IN -> acquire(e, e.acquiredDay());
      case SELL -> dispose(e, true);
      case TRANSFER_OUT -> dispose(e, false);
      case SPLIT -> split(e);
      case RETURN_OF_CAPITAL -> returnCapital(e);
      default -> {
        // cash-only rows never reach the engine (filtered in its query)
      }
    }
  }

  private void acquire(Event e, int acquiredDay) {
    if (e.qty() <= 0) {
      throw bad(e, "quantity must be positive");
    }
    OpenLot lot = new OpenLot(e.id(), acquiredDay, e.qty(), e.acquisitionCost());
    lots.add(lot);
    if (byCost != null) {
      byCost.add(lot);
    }
    position += lot.quantity;
    poolBasis += lot.basis;
  }

  private void dispose(Event e, boolean sale) {
    long need = e.qty();
    if (need <= 0) {
      throw bad(e, "quantity must be positive");
    }
    if (need > position) {
      throw new RpcException(
          ErrorCode.INSUFFICIENT_SHARES,
          where(e)
              + ": insufficient shares: "
              + (sale ? "selling " : "moving out ")
              + Fixed.qty(need).toPlainString()
              + " "
              + symbol
              + " but only "
              + Fixed.qty(position).toPlainString()
              + " held");
    }
    long proceeds = sale ? e.saleProceeds() : 0;
    // AVERAGE: the sale's basis is its share of the pool, then spread over the pieces.
    long averageBasis =
        method == CostBasisMethod.AVERAGE
            ? (need == position ? poolBasis : Fixed.mulDiv(poolBasis, need, position))
            : 0;
    Sale s = current.start(e, sale, need, proceeds, averageBasis);
    if (method == CostBasisMethod.SPECIFIC && sale) {
      takeAssigned(e, s);
    }
    while (s.left > 0) {
      OpenLot lot =
          switch (method) {
            case LIFO -> newest();
            case HIFO -> byCost.peek();
            default -> oldest();
          };
      take(lot, Math.min(lot.remaining, s.left), s);
    }
    position -= need;
    poolBasis -= s.basisTaken;
    if (sale) {
      realized += proceeds - s.basisTaken;
    }
  }

  /**
   * What is left of a sale while it consumes lots; one per book, started again for each sale (a
   * third of a million sales allocated as many of these).
   */
  private static final class Sale {
    Event event;
    boolean sale;
    long total;
    long proceeds;
    long averageBasis;
    long left;
    long proceedsLeft;
    long averageLeft;
    long basisTaken;

    Sale start(Event event, boolean sale, long total, long proceeds, long averageBasis) {
      this.event = event;
      this.sale = sale;
      this.total = total;
      this.proceeds = proceeds;
      this.averageBasis = averageBasis;
      this.left = total;
      this.proceedsLeft = proceeds;
      this.averageLeft = averageBasis;
      this.basisTaken = 0;
      return this;
    }
  }

  private void take(OpenLot lot, long qty, Sale s) {
    long basis;
    if (method == CostBasisMethod.AVERAGE) {
      basis = qty == s.left ? s.averageLeft : Fixed.mulDiv(s.averageBasis, qty, s.total);
      s.averageLeft -= basis;
    } else {
      basis = qty == lot.remaining ? lot.basis : Fixed.mulDiv(lot.basis, qty, lot.remaining);
      lot.basis -= basis;
    }
    long proceeds = qty == s.left ? s.proceedsLeft : Fixed.mulDiv(s.proceeds, qty, s.total);
    s.proceedsLeft -= proceeds;
    s.left -= qty;
    s.basisTaken += basis;
    lot.remaining -= qty;
    if (lot.remaining == 0 && byCost != null) {
      byCost.remove(lot);
    }
    if (recordDisposals && s.sale) {
      disposals.add(
          new Piece(s.event.id(), lot.lotId, lot.acquiredDay, s.event.day(), qty, proceeds, basis));
    }
  }

  private void takeAssigned(Event e, Sale s) {
    List<Assignment> chosen = assignments.get(e.id());
    if (chosen == null) {
      flags.add(new Flag(e.id(), NO_LOT_ASSIGNMENT));
      return;
    }
    boolean valid = true;
    for (Assignment a : chosen) {
      OpenLot lot = findOpen(a.lotId());
      long qty = Math.min(a.quantity(), s.left);
      if (lot == null || lot.remaining < a.quantity() || qty <= 0) {
        valid = false;
        continue;
      }
      take(lot, qty, s);
    }
    if (!valid || s.left > 0) {
      flags.add(new Flag(e.id(), INVALID_LOT_ASSIGNMENT));
    }
  }

  private OpenLot findOpen(long lotId) {
    for (int i = head; i < lots.size(); i++) {
      OpenLot l = lots.get(i);
      if (l.lotId == lotId) {
        return l.remaining > 0 ? l : null;
      }
    }
    return null;
  }

  private OpenLot oldest() {
    while (lots.get(head).remaining == 0) {
      // nothing reads below head: a spent lot is let go at once, so it dies young instead of
      // being copied by every collection until the book is done
      lots.set(head++, null);
    }
    return lots.get(head);
  }

  private OpenLot newest() {
    OpenLot last = lots.getLast();
    while (last.remaining == 0) {
      lots.removeLast();
      last = lots.getLast();
    }
    return last;
  }

  /**
   * A ratio split multiplies every open lot's quantity; a split given as added shares spreads them
   * over the lots in proportion, the last open lot taking the rounding remainder so the position
   * grows by exactly the added shares. Basis and acquisition dates stay.
   */
  private void split(Event e) {
    List<OpenLot> open = openLots();
    if (open.isEmpty()) {
      throw bad(e, "split of " + symbol + " with no shares held");
    }
    long before = position;
    long after;
    if (e.splitTo() > 0 && e.splitFrom() > 0) {
      after = 0;
      for (OpenLot l : open) {
        l.remaining = Fixed.mulDiv(l.remaining, e.splitTo(), e.splitFrom());
        l.quantity = Fixed.mulDiv(l.quantity, e.splitTo(), e.splitFrom());
        after += l.remaining;
      }
    } else {
      after = before + e.qty();
      if (after <= 0) {
        throw bad(e, "split would leave no shares");
      }
      long given = 0;
      for (int i = 0; i < open.size(); i++) {
        OpenLot l = open.get(i);
        long old = l.remaining;
        l.remaining = i == open.size() - 1 ? after - given : Fixed.mulDiv(old, after, before);
        given += l.remaining;
        l.quantity = Fixed.mulDiv(l.quantity, after, before);
      }
    }
    position = after;
  }

  /** Lowers the basis of the open lots pro rata by the cash returned. */
  private void returnCapital(Event e) {
    long cash = Math.abs(e.amount());
    List<OpenLot> open = openLots();
    if (open.isEmpty() || cash > poolBasis) {
      throw bad(
          e,
          "return of capital "
              + Fixed.money(cash).toPlainString()
              + " exceeds the open basis "
              + Fixed.money(poolBasis).toPlainString()
              + " of "
              + symbol
              + "; record the excess as a SELL-side gain");
    }
    if (method != CostBasisMethod.AVERAGE) {
      long given = 0;
      for (int i = 0; i < open.size(); i++) {
        OpenLot l = open.get(i);
        long cut = i == open.size() - 1 ? cash - given : Fixed.mulDiv(cash, l.remaining, position);
        cut = Math.min(cut, l.basis);
        l.basis -= cut;
        given += cut;
      }
      if (given != cash) {
        throw bad(e, "return of capital exceeds the basis of the last lot");
      }
    }
    poolBasis -= cash;
  }

  private List<OpenLot> openLots() {
    List<OpenLot> open = new ArrayList<>();
    for (int i = head; i < lots.size(); i++) {
      if (lots.get(i).remaining > 0) {
        open.add(lots.get(i));
      }
    }
    return open;
  }

  /**
   * The open lots with their basis; under AVERAGE each gets its share of the pooled basis (the last
   * taking the remainder), so the lots always sum to the position's basis.
   */
  List<OpenLot> result() {
    List<OpenLot> open = openLots();
    if (method == CostBasisMethod.AVERAGE) {
      long given = 0;
      for (int i = 0; i < open.size(); i++) {
        OpenLot l = open.get(i);
        l.basis =
            i == open.size() - 1
                ? poolBasis - given
                : Fixed.mulDiv(poolBasis, l.remaining, position);
        given += l.basis;
      }
    }
    return open;
  }

  String symbol() {
    return symbol;
  }

  long position() {
    return position;
  }

  long basis() {
    return poolBasis;
  }

  long realized() {
    return realized;
  }

  List<Piece> disposals() {
    return disposals;
  }

  List<Flag> flags() {
    return flags;
  }

  private RpcException bad(Event e, String reason) {
    return new RpcException(ErrorCode.CONFLICT, where(e) + ": " + reason);
  }

  private String where(Event e) {
    return "line "
        + e.line()
        + " ("
        + e.type()
        + " "
        + symbol
        + " on "
        + LocalDate.ofEpochDay(e.day())
        + ")";
  }
}

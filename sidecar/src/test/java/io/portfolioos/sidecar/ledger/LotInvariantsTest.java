package io.portfolioos.sidecar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.ledger.CostBasisMethod;
import io.portfolioos.contract.ledger.TransactionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the lot engine for any valid ledger of buys, sales and splits. */
class LotInvariantsTest {
  /** One step of a random ledger; a sale sells {@code fraction}‰ of what is held. */
  record Step(int kind, long quantity, long priceCents, int fraction) {}

  /** A ledger and the cash that came in and went out, in engine units. */
  record Ledger(List<Event> events, long costIn, long proceeds) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.longs().between(1, 50_000_000_000L),
                Arbitraries.longs().between(1, 500_000),
                Arbitraries.integers().between(1, 1000))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(60);
  }

  /** Kinds 0-5 buy, 6-8 sell part of the position, 9 splits 2:1 (when anything is held). */
  static Ledger ledger(List<Step> steps) {
    List<Event> events = new ArrayList<>();
    long held = 0;
    long costIn = 0;
    long proceeds = 0;
    int day = 19_000;
    for (Step s : steps) {
      day += 1 + s.quantity() % 200;
      long price = s.priceCents() * 1_000_000L;
      long id = events.size() + 1L;
      if (s.kind() <= 5 || held == 0) {
        Event e = event(id, day, TransactionType.BUY, s.quantity(), price, s.fraction(), 0, 0);
        events.add(e);
        held += s.quantity();
        costIn += e.acquisitionCost();
      } else if (s.kind() <= 8) {
        long qty = Math.max(1, Fixed.mulDiv(held, s.fraction(), 1000));
        Event e = event(id, day, TransactionType.SELL, qty, price, 0, 0, 0);
        events.add(e);
        held -= qty;
        proceeds += e.saleProceeds();
      } else {
        events.add(
            event(id, day, TransactionType.SPLIT, 0, 0, 0, 2 * Fixed.QTY_ONE, Fixed.QTY_ONE));
        held *= 2;
      }
    }
    return new Ledger(events, costIn, proceeds);
  }

  private static Event event(
      long id, int day, TransactionType type, long qty, long price, long fees, long to, long from) {
    return new Event(id, id + 1, day, type, qty, price, fees, 0, to, from, day);
  }

  static LotBook replay(List<Event> events, CostBasisMethod method) {
    LotBook book = new LotBook("X", method, Map.of(), true);
    events.forEach(book::apply);
    return book;
  }

  @Property(tries = 300)
  void openLotsSumToThePositionAndCostIsConserved(@ForAll("steps") List<Step> steps) {
    Ledger l = ledger(steps);
    for (CostBasisMethod m :
        List.of(
            CostBasisMethod.FIFO,
            CostBasisMethod.LIFO,
            CostBasisMethod.HIFO,
            CostBasisMethod.AVERAGE)) {
      LotBook b = replay(l.events(), m);
      List<LotBook.OpenLot> open = b.result();
      assertThat(open.stream().mapToLong(o -> o.remaining).sum())
          .as(m.name())
          .isEqualTo(b.position());
      assertThat(open.stream().mapToLong(o -> o.basis).sum()).as(m.name()).isEqualTo(b.basis());
      long disposed = b.disposals().stream().mapToLong(LotBook.Piece::basis).sum();
      assertThat(b.basis() + disposed).as(m.name()).isEqualTo(l.costIn());
      assertThat(b.disposals().stream().mapToLong(LotBook.Piece::proceeds).sum())
          .as(m.name())
          .isEqualTo(l.proceeds());
    }
  }

  /**
   * Realized + unrealized = proceeds + market value − cost in: the method only moves it in time.
   */
  @Property(tries = 300)
  void everyMethodGivesTheSameTotalGain(
      @ForAll("steps") List<Step> steps, @ForAll("prices") long markCents) {
    Ledger l = ledger(steps);
    Long total = null;
    for (CostBasisMethod m :
        List.of(
            CostBasisMethod.FIFO,
            CostBasisMethod.LIFO,
            CostBasisMethod.HIFO,
            CostBasisMethod.AVERAGE)) {
      LotBook b = replay(l.events(), m);
      long unrealized = Fixed.cost(b.position(), markCents * 1_000_000L) - b.basis();
      long sum = b.realized() + unrealized;
      if (total == null) {
        total = sum;
      }
      assertThat(sum).as(m.name()).isEqualTo(total);
    }
  }

  @Provide
  Arbitrary<Long> prices() {
    return Arbitraries.longs().between(1, 500_000);
  }

  /** Buying q, splitting 2:1 and selling 2s equals buying q and selling s, for the same cash. */
  @Property(tries = 300)
  void aSplitThenASaleEqualsTheSaleOfPreSplitShares(
      @ForAll("quantities") long q, @ForAll("prices") long cents, @ForAll("fractions") int f) {
    long s = Math.max(1, Fixed.mulDiv(q, f, 1000));
    long cash = Fixed.cost(s, cents * 2_000_000L);
    List<Event> split =
        List.of(
            new Event(1, 2, 100, TransactionType.BUY, q, cents * 1_000_000L, 0, 0, 0, 0, 100),
            new Event(
                2,
                3,
                200,
                TransactionType.SPLIT,
                0,
                0,
                0,
                0,
                2 * Fixed.QTY_ONE,
                Fixed.QTY_ONE,
                200),
            new Event(3, 4, 300, TransactionType.SELL, 2 * s, 0, 0, cash, 0, 0, 300));
    List<Event> plain =
        List.of(
            new Event(1, 2, 100, TransactionType.BUY, q, cents * 1_000_000L, 0, 0, 0, 0, 100),
            new Event(3, 4, 300, TransactionType.SELL, s, 0, 0, cash, 0, 0, 300));
    LotBook a = replay(split, CostBasisMethod.FIFO);
    LotBook b = replay(plain, CostBasisMethod.FIFO);
    assertThat(a.realized()).isEqualTo(b.realized());
    assertThat(a.basis()).isEqualTo(b.basis());
    assertThat(a.position()).isEqualTo(2 * b.position());
  }

  @Provide
  Arbitrary<Long> quantities() {
    return Arbitraries.longs().between(1, 10_000_000_000L);
  }

  @Provide
  Arbitrary<Integer> fractions() {
    return Arbitraries.integers().between(1, 1000);
  }
}

package io.portfolioos.shell.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfolioos.contract.market.MarketSource;
import io.portfolioos.contract.market.SourceKind;
import io.portfolioos.contract.settings.DataSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketFeedsTest {
  private static ZonedDateTime utc(String iso) {
    return ZonedDateTime.parse(iso).withZoneSameInstant(ZoneOffset.UTC);
  }

  @Test
  void theDailySyncIsDueOncePerSessionAfterTheClose() {
    LocalDate monday = LocalDate.of(2026, 11, 30);
    assertThat(MarketFeeds.due(utc("2026-11-30T10:00:00Z"), null)).isTrue();
    // before Monday's close, Sunday's session is the last one: synced Sunday evening → not due
    assertThat(MarketFeeds.due(utc("2026-11-30T21:29:00Z"), monday.minusDays(1))).isFalse();
    assertThat(MarketFeeds.due(utc("2026-11-30T21:30:00Z"), monday.minusDays(1))).isTrue();
    assertThat(MarketFeeds.due(utc("2026-11-30T23:00:00Z"), monday)).isFalse();
    assertThat(MarketFeeds.due(utc("2026-12-01T08:00:00Z"), monday)).isFalse();
    assertThat(MarketFeeds.due(utc("2026-12-01T22:00:00Z"), monday)).isTrue();
  }

  @Test
  void dataSourcesMapToTheWireFormatTheySpeakWithTheirRatePerSecond() {
    List<MarketSource> sources =
        MarketFeeds.sources(
            List.of(
                new DataSource("yahoo", "Yahoo Finance", "PRICES", "http://127.0.0.1:1", 120, true),
                new DataSource("fred", "FRED", "MACRO", "http://127.0.0.1:2", 30, false),
                new DataSource("x", "Something else", "NEWS", "http://127.0.0.1:3", 60, true)));
    assertThat(sources)
        .extracting(MarketSource::kind, MarketSource::baseUrl, MarketSource::ratePerSecond)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SourceKind.yahoo, "http://127.0.0.1:1", 2.0),
            org.assertj.core.groups.Tuple.tuple(SourceKind.fred, "http://127.0.0.1:2", 0.5));
    assertThat(sources.get(1).enabled()).isFalse();
  }
}

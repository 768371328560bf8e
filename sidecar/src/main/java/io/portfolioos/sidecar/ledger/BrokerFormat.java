package io.portfolioos.sidecar.ledger;

import io.portfolioos.contract.ledger.Broker;
import java.util.List;

/** One broker's CSV export: how to recognise it and how to turn it into generic rows. */
interface BrokerFormat {
  Broker broker();

  /** Whether this is the broker's export, judging by its first lines. */
  boolean recognizes(List<String> head);

  /** Whether the export lists the newest transaction first (same-day order is then reversed). */
  boolean newestFirst();

  /** Parses every line (index 0 is line 1), collecting rejected lines instead of throwing. */
  StagedRows parse(List<String> lines);
}

import { EmptyState } from "../components/EmptyState";
import { hrefFor, ROUTES, type RouteId } from "../app/router";

const MESSAGES: Partial<Record<RouteId, { title: string; text: string; next?: RouteId; nextLabel?: string }>> = {
  accounts: {
    title: "No accounts yet",
    text: "Create an account for each brokerage or bank account you hold, then import your broker's CSV. Account management is coming with the ledger.",
  },
  transactions: {
    title: "No transactions yet",
    text: "Import your broker's CSV export to see every buy, sell, dividend and fee here. Importing is coming with the ingest work.",
    next: "accounts",
    nextLabel: "Create an account first",
  },
  holdings: {
    title: "No holdings yet",
    text: "Holdings and exact tax lots appear once transactions are imported. Coming with the ledger and valuation work.",
    next: "transactions",
    nextLabel: "Import transactions",
  },
  planner: {
    title: "Plan your retirement",
    text: "Retirement simulations with percentile bands are coming with the planner.",
  },
  market: {
    title: "No market data yet",
    text: "Prices, FX rates and macro series are coming with market data. Configure data sources in Settings.",
    next: "settings",
    nextLabel: "Open Settings",
  },
  assistant: {
    title: "Ask about your portfolio",
    text: "The assistant is coming with the chat pane. Add an API key for a model provider in Settings first, or use a local model.",
    next: "settings",
    nextLabel: "Open Settings",
  },
};

export function Placeholder({ route }: { route: RouteId }) {
  const label = ROUTES.find((r) => r.id === route)?.label ?? route;
  const message = MESSAGES[route];
  return (
    <>
      <h1>{label}</h1>
      {message && (
        <EmptyState title={message.title}>
          <p>{message.text}</p>
          {message.next && (
            <a class="button" href={hrefFor(message.next)} data-testid="empty-state-action">
              {message.nextLabel}
            </a>
          )}
        </EmptyState>
      )}
    </>
  );
}

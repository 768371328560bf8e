import { EmptyState } from "../components/EmptyState";
import { hrefFor, ROUTES, type RouteId } from "../app/router";

const MESSAGES: Partial<Record<RouteId, { title: string; text: string; next?: RouteId; nextLabel?: string }>> = {
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

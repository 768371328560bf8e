import type { ApiError } from "../../generated/api";

/** One `chat` stream event from the shell (see LlmChatStarted in the contract). */
export type ChatEvent =
  | { streamId: string; conversationId: string; type: "token"; text: string }
  | { streamId: string; conversationId: string; type: "toolCall"; callId: string; tool: string; input: string }
  | { streamId: string; conversationId: string; type: "toolResult"; callId: string; tool: string; ok: boolean; result: string }
  | { streamId: string; conversationId: string; type: "done" }
  | { streamId: string; conversationId: string; type: "error"; error: ApiError };

/** What the pane shows: questions, answers (Markdown) and tool calls with their results. */
export type Item =
  | { kind: "user"; text: string }
  | { kind: "assistant"; text: string }
  | { kind: "tool"; callId: string; tool: string; input: string; result: string | null; ok: boolean | null };

export function asChatEvent(data: unknown): ChatEvent | null {
  if (typeof data !== "object" || data === null) return null;
  const e = data as Record<string, unknown>;
  return typeof e.streamId === "string" && typeof e.type === "string" ? (data as ChatEvent) : null;
}

/** Folds one stream event into the items shown. */
export function applyEvent(items: Item[], e: ChatEvent): Item[] {
  switch (e.type) {
    case "token": {
      const last = items[items.length - 1];
      if (last?.kind === "assistant") return [...items.slice(0, -1), { kind: "assistant", text: last.text + e.text }];
      return [...items, { kind: "assistant", text: e.text }];
    }
    case "toolCall":
      return [...items, { kind: "tool", callId: e.callId, tool: e.tool, input: e.input, result: null, ok: null }];
    case "toolResult":
      return items.map((it) => (it.kind === "tool" && it.callId === e.callId ? { ...it, result: e.result, ok: e.ok } : it));
    default:
      return items;
  }
}

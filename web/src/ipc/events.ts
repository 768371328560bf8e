/** Stream events pushed by the shell (SSE in browser mode, a cefQuery long poll in the window). */
export interface ProgressEvent {
  requestId: string;
  done: number;
  total: number;
  message?: string | null;
}

export interface SidecarEvent {
  state: string;
  restarts: number;
  failure?: string | null;
}

export interface EventMap {
  progress: ProgressEvent;
  sidecar: SidecarEvent;
  chat: unknown;
  /** Local: whether the event stream itself is connected. */
  connection: { connected: boolean };
}

export type EventName = keyof EventMap;
export const STREAM_EVENTS = ["progress", "sidecar", "chat"] as const;

export interface EventHub {
  on<K extends EventName>(name: K, handler: (data: EventMap[K]) => void): () => void;
  emit<K extends EventName>(name: K, data: EventMap[K]): void;
}

export function createEventHub(): EventHub {
  const handlers = new Map<EventName, Set<(data: never) => void>>();
  return {
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) {
        set = new Set();
        handlers.set(name, set);
      }
      const h = handler as (data: never) => void;
      set.add(h);
      return () => {
        set.delete(h);
      };
    },
    emit(name, data) {
      const set = handlers.get(name);
      if (!set) return;
      for (const h of [...set]) {
        try {
          (h as (d: typeof data) => void)(data);
        } catch (e) {
          console.error(`handler for ${name} failed`, e);
        }
      }
    },
  };
}

/** Emits a raw stream event after checking its name; unknown names are ignored. */
export function emitStreamEvent(hub: EventHub, name: string, data: unknown): void {
  if (name === "progress") {
    const p = data as Partial<ProgressEvent> | null;
    if (p && typeof p.requestId === "string") hub.emit("progress", p as ProgressEvent);
  } else if (name === "sidecar") {
    const s = data as Partial<SidecarEvent> | null;
    if (s && typeof s.state === "string") hub.emit("sidecar", s as SidecarEvent);
  } else if (name === "chat") {
    hub.emit("chat", data);
  }
}

import { useEffect, useState } from "preact/hooks";

export const ROUTES = [
  { id: "dashboard", label: "Dashboard" },
  { id: "accounts", label: "Accounts" },
  { id: "transactions", label: "Transactions" },
  { id: "holdings", label: "Holdings" },
  { id: "planner", label: "Planner" },
  { id: "market", label: "Market" },
  { id: "assistant", label: "Assistant" },
  { id: "settings", label: "Settings" },
] as const;

export type RouteId = (typeof ROUTES)[number]["id"];

/** `#/settings` → "settings"; anything unknown → "dashboard". */
export function parseHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return ROUTES.some((r) => r.id === id) ? (id as RouteId) : "dashboard";
}

export function hrefFor(route: RouteId): string {
  return `#/${route}`;
}

export function useRoute(): RouteId {
  const [route, setRoute] = useState<RouteId>(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

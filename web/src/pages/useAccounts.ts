import { useEffect, useState } from "preact/hooks";
import { useServices } from "../app/services";
import type { Account, ApiError } from "../generated/api";

export type AccountsState = { state: "loading" } | { state: "ok"; accounts: Account[] } | { state: "error"; error: ApiError };

/** accounts.list, loaded on mount; `reload` after a change. */
export function useAccounts(): AccountsState & { reload(): Promise<void>; list: Account[] } {
  const { client } = useServices();
  const [value, setValue] = useState<AccountsState>({ state: "loading" });
  const reload = async () => {
    const r = await client.api.accounts.list({});
    setValue(r.ok ? { state: "ok", accounts: r.data } : { state: "error", error: r.error });
  };
  useEffect(() => {
    void reload();
  }, [client]);
  return { ...value, list: value.state === "ok" ? value.accounts : [], reload };
}

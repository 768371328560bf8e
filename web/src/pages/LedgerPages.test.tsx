import { afterEach, describe, expect, it } from "vitest";
import { act } from "preact/test-utils";
import type { Account, Result } from "../generated/api";
import { byTestId, click, fakeClient, fakeServices, flush, mount, queryTestId, type, type Mounted } from "../test-support";
import { Accounts } from "./Accounts";
import { Holdings } from "./Holdings";
import { Transactions } from "./Transactions";

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

const brokerage: Account = { id: 1, name: "Brokerage", type: "TAXABLE", currency: "USD", costBasisMethod: "FIFO" };
const specific: Account = { id: 2, name: "Specific", type: "TAXABLE", currency: "USD", costBasisMethod: "SPECIFIC" };

type Handler = (method: string, params: any) => Result<unknown> | undefined;

function page(vnode: preact.VNode, handler: Handler, accounts: Account[] = [brokerage]) {
  const client = fakeClient((method, params) => {
    const answer = handler(method, params);
    if (answer) return answer;
    if (method === "accounts.list") return { ok: true, data: accounts };
    return { ok: true, data: [] };
  });
  const services = fakeServices(client);
  mounted = mount(vnode, services);
  return { client, services, root: mounted.container };
}

const input = (root: HTMLElement, id: string) => byTestId<HTMLInputElement>(root, id);
async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

describe("Accounts page", () => {
  it("tells a new user what to do and creates an account", async () => {
    let list: Account[] = [];
    const { client, root } = page(<Accounts />, (method, params) => {
      if (method === "accounts.list") return { ok: true, data: list };
      if (method === "accounts.create") {
        list = [{ id: 5, ...params }];
        return { ok: true, data: list[0] };
      }
      return undefined;
    });
    await flush();
    expect(byTestId(root, "empty-state").textContent).toContain("No accounts yet");
    await click(byTestId(root, "account-save"));
    expect(byTestId(root, "account-name-error").textContent).toBe("Give the account a name");
    expect(client.calls.some((c) => c.method === "accounts.create")).toBe(false);

    await type(input(root, "account-name"), "Roth at Fidelity");
    await choose(byTestId(root, "account-type"), "ROTH_IRA");
    await choose(byTestId(root, "account-method"), "HIFO");
    await click(byTestId(root, "account-save"));
    expect(client.calls.find((c) => c.method === "accounts.create")!.params).toEqual({ name: "Roth at Fidelity", type: "ROTH_IRA", currency: "USD", costBasisMethod: "HIFO" });
    expect(byTestId(root, "account-row-5").textContent).toContain("Roth IRA");
    expect(queryTestId(root, "empty-state")).toBeNull();
  });

  it("shows the server's error next to the field it names", async () => {
    const { root } = page(<Accounts />, (method) =>
      method === "accounts.create" ? { ok: false, error: { code: "INVALID_PARAMS", message: "unknown currency XYZ", field: "currency" } } : undefined,
    );
    await flush();
    await type(input(root, "account-name"), "A");
    await type(input(root, "account-currency"), "XYZ");
    await click(byTestId(root, "account-save"));
    expect(byTestId(root, "account-currency-error").textContent).toBe("unknown currency XYZ");
  });

  it("edits only the changed fields", async () => {
    const { client, root } = page(<Accounts />, (method, params) => (method === "accounts.update" ? { ok: true, data: { ...brokerage, ...params } } : undefined));
    await flush();
    await click(byTestId(root, "account-edit-1"));
    expect(input(root, "account-name").value).toBe("Brokerage");
    await choose(byTestId(root, "account-method"), "LIFO");
    await click(byTestId(root, "account-save"));
    expect(client.calls.find((c) => c.method === "accounts.update")!.params).toEqual({ id: 1, costBasisMethod: "LIFO" });
  });

  it("asks before deleting an account that has transactions, then deletes with force", async () => {
    const { client, services, root } = page(<Accounts />, (method, params) => {
      if (method !== "accounts.delete") return undefined;
      return params.force
        ? { ok: true, data: { id: 1, transactionsDeleted: 12 } }
        : { ok: false, error: { code: "CONFLICT", message: "account 1 has 12 transactions; delete with force to remove them too", field: "force" } };
    });
    await flush();
    await click(byTestId(root, "account-delete-1"));
    expect(byTestId(root, "account-delete-confirm-1").textContent).toContain("still has transactions");
    await click(byTestId(root, "account-delete-force-1"));
    expect(client.calls.filter((c) => c.method === "accounts.delete").map((c) => c.params)).toEqual([{ id: 1, force: false }, { id: 1, force: true }]);
    expect(services.toasts.get().at(-1)!.text).toBe("Deleted Brokerage and its 12 transactions");
  });
});

const tx = (id: number, batchId: number, date: string, type = "BUY") => ({
  id,
  accountId: 1,
  batchId,
  line: id + 1,
  date,
  type,
  symbol: "VTI",
  quantity: "10",
  price: "200.5",
  fees: "1",
  amount: "-2006",
  currency: "USD",
});

describe("Transactions page", () => {
  it("sends a new user to create an account first", async () => {
    const { root } = page(<Transactions />, () => undefined, []);
    await flush();
    expect(byTestId(root, "empty-state").textContent).toContain("Create an account first");
    expect(byTestId(root, "empty-state-action").getAttribute("href")).toBe("#/accounts");
  });

  it("previews a dropped file, shows rejected lines, imports and undoes the batch", async () => {
    let imported = false;
    const { client, root } = page(<Transactions />, (method, params) => {
      if (method === "ledger.importCsv") {
        if (params.dryRun && params.path.includes("bad")) return { ok: true, data: { broker: "generic", imported: 0, duplicates: 0, rejected: [{ line: 4, reason: "bad date 2024-13-01" }] } };
        if (params.dryRun) return { ok: true, data: { broker: "generic", imported: 2, duplicates: 1, rejected: [] } };
        imported = true;
        return { ok: true, data: { batchId: 7, broker: "generic", imported: 2, duplicates: 1, rejected: [] } };
      }
      if (method === "ledger.transactions") return { ok: true, data: imported ? [tx(1, 7, "2024-01-02"), tx(2, 7, "2024-02-03")] : [] };
      if (method === "ledger.deleteBatch") {
        imported = false;
        return { ok: true, data: { batchId: params.batchId, transactionsDeleted: 2 } };
      }
      return undefined;
    });
    await flush();
    const file = new File(["date,type\n"], "bad-trades.csv", { type: "text/csv" });
    const fileInput = byTestId<HTMLInputElement>(root, "file-drop-input");
    Object.defineProperty(fileInput, "files", { value: [file], configurable: true });
    await act(() => {
      fileInput.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await flush();
    expect(client.calls.find((c) => c.method === "ledger.importCsv")!.params).toEqual({ path: "/uploads/bad-trades.csv", accountId: 1, broker: "auto", dryRun: true });
    expect(input(root, "import-path").value).toBe("/uploads/bad-trades.csv");
    expect(byTestId(root, "import-result").dataset.dryRun).toBe("true");
    expect(byTestId(root, "import-rejected-count").textContent).toBe("1");
    expect(byTestId(root, "import-rejected").textContent).toContain("bad date 2024-13-01");

    await type(input(root, "import-path"), "/uploads/trades.csv");
    await click(byTestId(root, "import-preview"));
    expect(byTestId(root, "import-imported").textContent).toBe("2");
    expect(queryTestId(root, "import-rejected")).toBeNull();

    await choose(byTestId(root, "import-broker"), "generic");
    await click(byTestId(root, "import-run"));
    expect(client.calls.filter((c) => c.method === "ledger.importCsv").at(-1)!.params).toMatchObject({ broker: "generic", dryRun: false });
    expect(byTestId(root, "import-imported").textContent).toBe("2");
    await flush();
    expect(root.querySelectorAll('[data-testid="transactions-row"]')).toHaveLength(2);
    expect(byTestId(root, "batch-7").textContent).toContain("2 transactions shown, 2024-01-02 to 2024-02-03");

    await click(byTestId(root, "import-undo"));
    expect(client.calls.find((c) => c.method === "ledger.deleteBatch")!.params).toEqual({ batchId: 7 });
    await flush();
    expect(root.querySelectorAll('[data-testid="transactions-row"]')).toHaveLength(0);
  });

  it("asks for a file before importing and shows engine errors", async () => {
    const { client, root } = page(<Transactions />, (method) =>
      method === "ledger.importCsv" ? { ok: false, error: { code: "INVALID_PARAMS", message: "no such file /x.csv", field: "path" } } : undefined,
    );
    await flush();
    await click(byTestId(root, "import-run"));
    expect(byTestId(root, "import-path-error").textContent).toContain("Drop a file");
    expect(client.calls.some((c) => c.method === "ledger.importCsv")).toBe(false);
    await type(input(root, "import-path"), "/x.csv");
    await click(byTestId(root, "import-preview"));
    expect(byTestId(root, "import-path-error").textContent).toBe("no such file /x.csv");
  });

  it("filters by symbol, type and dates", async () => {
    const { client, root } = page(<Transactions />, () => undefined);
    await flush();
    await type(input(root, "tx-symbol"), "vti");
    await choose(byTestId(root, "tx-type"), "SELL");
    await type(input(root, "tx-from"), "2024-01-01");
    await click(byTestId(root, "tx-apply"));
    expect(client.calls.filter((c) => c.method === "ledger.transactions").at(-1)!.params).toEqual({ symbol: "VTI", type: "SELL", from: "2024-01-01", offset: 0, limit: 5000 });
    await type(input(root, "tx-to"), "31/12/2024");
    await click(byTestId(root, "tx-apply"));
    expect(byTestId(root, "tx-to-error").textContent).toBe("Use a date like 2024-12-31");
  });
});

describe("Holdings page", () => {
  const holding = { accountId: 1, symbol: "VTI", quantity: "15", costBasis: "3006.5", averageCost: "200.433333", realizedGain: "-12.25", openLots: 2 };
  const lots = [
    { lotId: 11, acquired: "2023-01-03", quantity: "10", remaining: "10", costPerShare: "200", costBasis: "2000" },
    { lotId: 12, acquired: "2024-02-01", quantity: "5", remaining: "5", costPerShare: "201.3", costBasis: "1006.5" },
  ];

  it("shows holdings with exact totals, open lots, realized gains by term and reconciles", async () => {
    const { client, root } = page(<Holdings />, (method) => {
      if (method === "ledger.holdings") return { ok: true, data: [holding] };
      if (method === "ledger.lots") return { ok: true, data: lots };
      if (method === "ledger.realized")
        return {
          ok: true,
          data: [
            { accountId: 1, symbol: "VTI", transactionId: 3, lotId: 9, acquired: "2023-01-03", sold: "2023-06-01", quantity: "1", proceeds: "190", costBasis: "200", gain: "-10", term: "SHORT" },
            { accountId: 1, symbol: "VTI", transactionId: 4, lotId: 9, acquired: "2022-01-03", sold: "2024-06-01", quantity: "1", proceeds: "197.75", costBasis: "200", gain: "-2.25", term: "LONG" },
          ],
        };
      if (method === "ledger.reconcile") return { ok: true, data: { discrepancies: [{ symbol: "VTI", computedQuantity: "15", reportedQuantity: "16", computedCostBasis: "3006.5" }] } };
      return undefined;
    });
    await flush();
    expect(byTestId(root, "holdings-count").textContent).toBe("1");
    expect(byTestId(root, "holdings-cost").textContent).toBe("3,006.50");
    expect(byTestId(root, "holdings-row").textContent).toContain("VTI");
    expect(byTestId(root, "realized-short").textContent).toBe("-10.00");
    expect(byTestId(root, "realized-long").textContent).toBe("-2.25");

    await click(byTestId(root, "holding-lots-1-VTI"));
    expect(client.calls.find((c) => c.method === "ledger.lots")!.params).toEqual({ accountId: 1, symbol: "VTI" });
    expect(byTestId(root, "lots-panel").textContent).toContain("2024-02-01");

    await type(input(root, "holdings-asof"), "2024-13-40");
    await click(byTestId(root, "holdings-apply"));
    expect(byTestId(root, "holdings-asof-error").textContent).toContain("2024-12-31");
    await type(input(root, "holdings-asof"), "2024-06-30");
    await click(byTestId(root, "holdings-apply"));
    expect(client.calls.filter((c) => c.method === "ledger.holdings").at(-1)!.params).toEqual({ asOf: "2024-06-30" });

    const area = byTestId<HTMLTextAreaElement>(root, "reconcile-reported");
    await act(() => {
      area.value = "VTI, 16";
      area.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await click(byTestId(root, "reconcile-run"));
    expect(client.calls.find((c) => c.method === "ledger.reconcile")!.params).toEqual({ accountId: 1, reported: [{ symbol: "VTI", quantity: "16" }] });
    expect(byTestId(root, "reconcile-discrepancies").textContent).toContain("16");
  });

  it("assigns specific lots to a flagged sale in a SPECIFIC account", async () => {
    const sale = { ...tx(30, 1, "2024-06-03", "SELL"), accountId: 2, quantity: "-12", flag: "NO_LOT_ASSIGNMENT" };
    const { client, root } = page(
      <Holdings />,
      (method) => {
        if (method === "ledger.transactions") return { ok: true, data: [sale] };
        if (method === "ledger.lots") return { ok: true, data: lots };
        if (method === "ledger.assignLots")
          return { ok: true, data: [{ accountId: 2, symbol: "VTI", transactionId: 30, lotId: 12, acquired: "2024-02-01", sold: "2024-06-03", quantity: "5", proceeds: "1100", costBasis: "1006.5", gain: "93.5", term: "SHORT" }] };
        return undefined;
      },
      [brokerage, specific],
    );
    await flush();
    expect(byTestId(root, "specific-lots").textContent).toContain("FIFO fallback");
    await click(byTestId(root, "sale-30"));
    expect(client.calls.find((c) => c.method === "ledger.lots")!.params).toEqual({ accountId: 2, symbol: "VTI", asOf: "2024-06-02" });
    await type(input(root, "assign-lot-12"), "5");
    await click(byTestId(root, "assign-save"));
    expect(byTestId(root, "assign-error").textContent).toBe("The lots add up to 5 shares; the sale sold 12");
    await type(input(root, "assign-lot-11"), "7");
    await click(byTestId(root, "assign-save"));
    expect(client.calls.find((c) => c.method === "ledger.assignLots")!.params).toEqual({ transactionId: 30, lots: [{ lotId: 11, quantity: "7" }, { lotId: 12, quantity: "5" }] });
    expect(byTestId(root, "assign-result").textContent).toContain("93.5");
  });

  it("has an empty state that starts with an account", async () => {
    const { root } = page(<Holdings />, () => undefined, []);
    await flush();
    expect(byTestId(root, "empty-state").textContent).toContain("No holdings yet");
  });
});

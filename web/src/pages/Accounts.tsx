import { useState } from "preact/hooks";
import { hrefFor } from "../app/router";
import { useServices } from "../app/services";
import { EmptyState } from "../components/EmptyState";
import { FormError, SelectField, TextField, useFieldErrors } from "../components/Form";
import type { Account, AccountUpdateParams } from "../generated/api";
import { errorText } from "../ipc/result";
import { ACCOUNT_TYPES, accountDraft, checkAccount, COST_BASIS_METHODS, EMPTY_ACCOUNT, type AccountDraft } from "./ledger";
import { useAccounts } from "./useAccounts";

const FIELDS = ["name", "type", "institution", "currency", "costBasisMethod"];

export function Accounts() {
  const accounts = useAccounts();
  const [editing, setEditing] = useState<Account | null>(null);

  return (
    <>
      <h1>Accounts</h1>
      {accounts.state === "error" && (
        <p class="form-error" role="alert" data-testid="accounts-error">
          {errorText(accounts.error)}
        </p>
      )}
      {accounts.state === "ok" && accounts.accounts.length === 0 && (
        <EmptyState title="No accounts yet">
          <p>
            Create one account for each brokerage or bank account you hold, below. Then import your broker's CSV export of
            transactions into it; holdings and tax lots are computed from those.
          </p>
        </EmptyState>
      )}
      <AccountForm
        key={editing?.id ?? "new"}
        account={editing}
        onDone={() => {
          setEditing(null);
          void accounts.reload();
        }}
      />
      {accounts.list.length > 0 && (
        <section class="card" aria-labelledby="accounts-list-title">
          <h2 id="accounts-list-title">Your accounts</h2>
          <table class="simple-table" data-testid="accounts-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>Institution</th>
                <th>Currency</th>
                <th>Cost basis</th>
                <th>
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.list.map((a) => (
                <AccountRow key={a.id} account={a} onEdit={() => setEditing(a)} onDeleted={() => void accounts.reload()} />
              ))}
            </tbody>
          </table>
          <p>
            <a class="button" href={hrefFor("transactions")} data-testid="accounts-import-link">
              Import transactions
            </a>
          </p>
        </section>
      )}
    </>
  );
}

function AccountForm({ account, onDone }: { account: Account | null; onDone: () => void }) {
  const { client, toasts } = useServices();
  const [draft, setDraft] = useState<AccountDraft>(account ? accountDraft(account) : EMPTY_ACCOUNT);
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors(FIELDS);
  const set = (key: keyof AccountDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (e: Event) => {
    e.preventDefault();
    const checked = checkAccount(draft);
    if (!form.check(checked.ok ? {} : checked.errors) || !checked.ok) return;
    setBusy(true);
    const r = account ? await client.api.accounts.update(changes(account, checked.value)) : await client.api.accounts.create(checked.value);
    setBusy(false);
    if (!r.ok) {
      form.fromServer(r.error);
      return;
    }
    toasts.info(account ? `Saved ${r.data.name}` : `Created ${r.data.name}`);
    if (!account) setDraft(EMPTY_ACCOUNT);
    onDone();
  };

  return (
    <form class="card" onSubmit={save} noValidate data-testid="account-form" aria-labelledby="account-form-title">
      <h2 id="account-form-title">{account ? `Edit ${account.name}` : "New account"}</h2>
      <div class="form-grid">
        <TextField id="account-name" label="Name" value={draft.name} onValue={set("name")} error={form.errors.name} testId="account-name" />
        <SelectField id="account-type" label="Type" value={draft.type} onValue={set("type")} options={ACCOUNT_TYPES.map((t) => ({ value: t.id, label: t.label }))} error={form.errors.type} testId="account-type" />
        <TextField id="account-institution" label="Institution (optional)" value={draft.institution} onValue={set("institution")} error={form.errors.institution} testId="account-institution" />
        <TextField id="account-currency" label="Currency" value={draft.currency} onValue={set("currency")} error={form.errors.currency} testId="account-currency" />
        <SelectField
          id="account-method"
          label="Cost basis method"
          value={draft.costBasisMethod}
          onValue={set("costBasisMethod")}
          options={COST_BASIS_METHODS.map((m) => ({ value: m.id, label: m.label }))}
          error={form.errors.costBasisMethod}
          hint="Which shares a sale sells, for gains and taxes"
          testId="account-method"
        />
      </div>
      <FormError message={form.formError} testId="account-form-error" />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="account-save">
          {account ? "Save changes" : "Create account"}
        </button>
        {account && (
          <button type="button" class="button" onClick={onDone} data-testid="account-cancel">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** Only the fields that changed, so an update never rewrites what the user did not touch. */
function changes(account: Account, next: { name: string; type: Account["type"]; institution?: string | null; currency?: string | null; costBasisMethod?: Account["costBasisMethod"] | null }): AccountUpdateParams {
  const p: AccountUpdateParams = { id: account.id };
  if (next.name !== account.name) p.name = next.name;
  if (next.type !== account.type) p.type = next.type;
  if ((next.institution ?? "") !== (account.institution ?? "")) p.institution = next.institution ?? "";
  if (next.currency && next.currency !== account.currency) p.currency = next.currency;
  if (next.costBasisMethod && next.costBasisMethod !== account.costBasisMethod) p.costBasisMethod = next.costBasisMethod;
  return p;
}

function AccountRow({ account, onEdit, onDeleted }: { account: Account; onEdit: () => void; onDeleted: () => void }) {
  const { client, toasts } = useServices();
  const [confirm, setConfirm] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async (force: boolean) => {
    setBusy(true);
    const r = await client.api.accounts.delete({ id: account.id, force });
    setBusy(false);
    if (r.ok) {
      toasts.info(
        r.data.transactionsDeleted > 0 ? `Deleted ${account.name} and its ${r.data.transactionsDeleted} transactions` : `Deleted ${account.name}`,
      );
      onDeleted();
    } else if (r.error.code === "CONFLICT" && !force) {
      setConfirm(r.error.message);
    } else {
      toasts.error(r.error);
    }
  };

  const type = ACCOUNT_TYPES.find((t) => t.id === account.type)?.label ?? account.type;
  return (
    <>
      <tr data-testid={`account-row-${account.id}`}>
        <td>{account.name}</td>
        <td>{type}</td>
        <td>{account.institution ?? ""}</td>
        <td>{account.currency}</td>
        <td>{account.costBasisMethod}</td>
        <td class="actions">
          <button type="button" class="button" onClick={onEdit} data-testid={`account-edit-${account.id}`} aria-label={`Edit ${account.name}`}>
            Edit
          </button>
          <button
            type="button"
            class="button danger"
            disabled={busy}
            onClick={() => void remove(false)}
            data-testid={`account-delete-${account.id}`}
            aria-label={`Delete ${account.name}`}
          >
            Delete
          </button>
        </td>
      </tr>
      {confirm && (
        <tr>
          <td colSpan={6}>
            <div class="warning" role="alertdialog" aria-label={`Confirm deleting ${account.name}`} data-testid={`account-delete-confirm-${account.id}`}>
              <p>
                {account.name} still has transactions. Deleting the account also deletes all of them, with their lots and
                realized gains. This cannot be undone.
              </p>
              <p class="muted">{confirm}</p>
              <div class="actions">
                <button type="button" class="button danger" disabled={busy} onClick={() => void remove(true)} data-testid={`account-delete-force-${account.id}`}>
                  Delete the account and its transactions
                </button>
                <button type="button" class="button" onClick={() => setConfirm(null)}>
                  Keep it
                </button>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

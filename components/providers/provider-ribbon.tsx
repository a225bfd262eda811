import { switchProviderAction } from "@/app/(portal)/accounts/actions";
import { roleLabel } from "@/lib/access/permissions";
import type { LinkedAccount } from "@/lib/providers/linked-accounts";

export interface RibbonProps {
  userName: string;
  accounts: LinkedAccount[];
}

/**
 * The upper-right ribbon: who is signed in, which provider is active, and a drop-down of every
 * linked account. A native <select> and a button, so it works from the keyboard and without
 * JavaScript; the server re-checks the membership before switching. On a phone it takes the
 * full width and wraps (its <select> shrinks to fit) rather than running off the left edge.
 */
export function ProviderRibbon({ userName, accounts }: RibbonProps) {
  const active = accounts.find((a) => a.active);
  return (
    <section aria-label="Account ribbon" className="w-full min-w-0 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm [overflow-wrap:anywhere] sm:w-auto sm:max-w-xl">
      <p className="text-slate-700">
        Signed in as <strong className="text-slate-900">{userName}</strong>
      </p>
      <p className="text-slate-700">
        Active provider:{" "}
        {active ? (
          <strong className="text-slate-900">
            {active.name} ({active.providerNumber})
          </strong>
        ) : (
          <strong className="text-slate-900">none yet</strong>
        )}
      </p>
      {accounts.length > 1 ? (
        <form action={switchProviderAction} className="mt-2 flex flex-wrap items-end gap-2">
          <div className="min-w-0 max-w-full flex-1 sm:flex-none">
            <label htmlFor="ribbon-provider" className="block text-xs font-medium text-slate-700">
              Switch linked account
            </label>
            <select
              id="ribbon-provider"
              name="providerId"
              defaultValue={active?.id}
              className="mt-0.5 w-full max-w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
            >
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.providerNumber}), {roleLabel(a.role)}
                  {a.active ? " (active)" : ""}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-700">
            Switch
          </button>
        </form>
      ) : null}
    </section>
  );
}

import Link from "next/link";

/** The Link Account / Manage Linked Accounts tabs: links, with the current one marked for screen readers. */
export function AccountTabs({ current }: { current: "link" | "accounts" }) {
  const tab = (href: string, label: string, on: boolean) => (
    <Link
      href={href}
      aria-current={on ? "page" : undefined}
      className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${on ? "border-brand-600 text-brand-800" : "border-transparent text-brand-700 underline hover:border-slate-300"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Linked accounts" className="mt-4 flex gap-2 border-b border-slate-200">
      {tab("/accounts", "Manage Linked Accounts", current === "accounts")}
      {tab("/accounts/link", "Link Account", current === "link")}
    </nav>
  );
}

import Link from "next/link";

const TABS = [
  { id: "users", href: "/users", label: "Users" },
  { id: "requests", href: "/users/requests", label: "Access Requests" },
  { id: "invitations", href: "/users/invitations", label: "Invitations" },
  { id: "activity", href: "/users/activity", label: "Activity" },
] as const;

export type UsersTab = (typeof TABS)[number]["id"];

/** The Manage Users tabs; each is its own page so it can be bookmarked. */
export function UsersTabs({ current }: { current: UsersTab }) {
  return (
    <nav aria-label="Manage Users" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {TABS.map((t) => (
          <li key={t.id}>
            <Link
              href={t.href}
              aria-current={current === t.id ? "page" : undefined}
              className={`inline-block rounded-t-md border px-4 py-2 text-sm font-medium ${
                current === t.id ? "border-slate-200 border-b-white bg-white text-brand-800" : "border-transparent text-brand-700 underline hover:bg-slate-50"
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { MenuId, MenuItem } from "@/lib/access/menu";

function NavLink({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={`block rounded px-2 py-1 hover:bg-brand-50 ${current ? "font-semibold text-brand-800" : "text-brand-700 underline"}`}>
      {children}
    </Link>
  );
}

function Entry({ item, current, unread }: { item: MenuItem; current: MenuId; unread: number }) {
  return (
    <li>
      <NavLink href={item.href} current={current === item.id}>
        {item.label}
        {item.id === "messages" && unread > 0 ? (
          <span className="ml-2 inline-block rounded-full bg-brand-700 px-2 text-xs font-semibold text-white no-underline">
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}

/**
 * The portal's left navigation, built from portalMenu (lib/access/menu.ts): the same rule the
 * pages' guards apply, so nothing is offered that the server would refuse.
 */
export function PortalNav({ current, items, unread = 0 }: { current: MenuId; items: MenuItem[]; unread?: number }) {
  const top = items.filter((i) => !i.section && i.id !== "settings");
  const users = items.filter((i) => i.section === "users");
  const settings = items.filter((i) => i.id === "settings");
  return (
    <nav aria-label="Portal" className="self-start rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <ul className="space-y-1">
        {top.map((item) => (
          <Entry key={item.id} item={item} current={current} unread={unread} />
        ))}
        {users.length ? (
          <li className="pt-2">
            <span className="px-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Users</span>
            <ul className="mt-1 space-y-1 pl-2">
              {users.map((item) => (
                <Entry key={item.id} item={item} current={current} unread={unread} />
              ))}
            </ul>
          </li>
        ) : null}
        {settings.map((item) => (
          <li key={item.id} className="pt-2">
            <NavLink href={item.href} current={current === item.id}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <div className="mt-4 border-t border-slate-200 pt-3">
        <SignOutButton />
      </div>
    </nav>
  );
}

import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

type Current = "home" | "associate" | "link" | "accounts" | "settings" | "users";

function NavLink({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={`block rounded px-2 py-1 hover:bg-brand-50 ${current ? "font-semibold text-brand-800" : "text-brand-700 underline"}`}>
      {children}
    </Link>
  );
}

/**
 * The portal's left navigation. Without a provider link only Associate Provider, security settings
 * and sign-out are offered (the pages themselves enforce the same).
 */
export function PortalNav({ current, hasProvider, isAdmin = false }: { current: Current; hasProvider: boolean; isAdmin?: boolean }) {
  return (
    <nav aria-label="Portal" className="self-start rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <ul className="space-y-1">
        {hasProvider ? (
          <>
            <li>
              <NavLink href="/home" current={current === "home"}>
                Home
              </NavLink>
            </li>
            <li className="pt-2">
              <span className="px-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Users</span>
              <ul className="mt-1 space-y-1 pl-2">
                <li>
                  <NavLink href="/accounts/link" current={current === "link"}>
                    Link Account
                  </NavLink>
                </li>
                <li>
                  <NavLink href="/accounts" current={current === "accounts"}>
                    Manage Linked Accounts
                  </NavLink>
                </li>
                {isAdmin ? (
                  <li>
                    <NavLink href="/users" current={current === "users"}>
                      Manage Users
                    </NavLink>
                  </li>
                ) : null}
              </ul>
            </li>
          </>
        ) : (
          <li>
            <NavLink href="/associate" current={current === "associate"}>
              Associate Your Account
            </NavLink>
          </li>
        )}
        <li className="pt-2">
          <NavLink href="/settings/security" current={current === "settings"}>
            Security settings
          </NavLink>
        </li>
      </ul>
      <div className="mt-4 border-t border-slate-200 pt-3">
        <SignOutButton />
      </div>
    </nav>
  );
}

import type { ReactNode } from "react";
import type { LinkedAccount } from "@/lib/providers/linked-accounts";
import { PortalNav } from "./portal-nav";
import { ProviderRibbon } from "./provider-ribbon";

/** Signed-in page frame: the account ribbon at the upper right, the left navigation, the page. */
export function PortalShell({
  userName,
  accounts,
  current,
  isAdmin = false,
  children,
}: {
  userName: string;
  accounts: LinkedAccount[];
  current: "home" | "associate" | "link" | "accounts" | "settings" | "users";
  /** An administrator of the active provider: the navigation offers Manage Users. */
  isAdmin?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-6 flex justify-end">
        <ProviderRibbon userName={userName} accounts={accounts} />
      </div>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <PortalNav current={current} hasProvider={accounts.length > 0} isAdmin={isAdmin} />
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}

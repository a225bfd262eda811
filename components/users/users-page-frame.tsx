import type { ReactNode } from "react";
import { PortalShell } from "@/components/providers/portal-shell";
import type { LinkedAccount } from "@/lib/providers/linked-accounts";
import { ManageUsersStatus, StatusRegion } from "./status";
import { UsersTabs, type UsersTab } from "./users-tabs";

/** The frame every Manage Users tab shares: portal shell, heading with the provider, the tabs, the status message. */
export function UsersPageFrame({ userName, accounts, providerName, tab, actions, children }: { userName: string; accounts: LinkedAccount[]; providerName: string; tab: UsersTab; actions?: ReactNode; children: ReactNode }) {
  return (
    <PortalShell userName={userName} accounts={accounts} current="users">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <ManageUsersStatus>
          <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
            <div>
              <h1 className="text-2xl font-bold text-brand-800">Manage Users</h1>
              <p className="mt-1 text-slate-700">{providerName}</p>
            </div>
            {actions}
          </div>
          <UsersTabs current={tab} />
          <StatusRegion />
          {children}
        </ManageUsersStatus>
      </div>
    </PortalShell>
  );
}

import type { ReactNode } from "react";
import { IdleTimeoutWarning } from "@/components/auth/idle-timeout-warning";
import { appServices } from "@/lib/app-services";
import { idleDeadline } from "@/lib/auth/sessions";
import { getCurrentSession } from "@/lib/next/session";
import { portalMenu, type MenuId } from "@/lib/access/menu";
import { holds } from "@/lib/access/permissions";
import { unreadThreadCount } from "@/lib/messages/box";
import { resolveActiveProvider, takeRemovedProviderNotice, type LinkedAccount } from "@/lib/providers/linked-accounts";
import { siteConfig } from "@/lib/site";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { PortalNav } from "./portal-nav";
import { ProviderRibbon } from "./provider-ribbon";

/**
 * Signed-in page frame: the account ribbon at the upper right, the left navigation, the page, and
 * the idle-timeout warning counting down to this session's idle deadline (rendered on every page,
 * so each navigation brings the deadline the server now holds), and, once, the notice that the
 * person's access to the provider this session acted for was revoked.
 */
export async function PortalShell({
  userName,
  accounts,
  current,
  children,
}: {
  userName: string;
  accounts: LinkedAccount[];
  current: MenuId;
  children: ReactNode;
}) {
  // The same per-request session the (portal) layout already validated (cached), not a new lookup.
  const [signedIn, svc] = await Promise.all([getCurrentSession(), appServices()]);
  // The page has already resolved the active provider (its guard), which records a revoked one.
  const removed = signedIn ? await takeRemovedProviderNotice(svc.db, signedIn.session.id) : null;
  // The navigation is decided from the membership read now, by the rule the guards use.
  const active = signedIn ? await resolveActiveProvider(svc.db, signedIn.session) : null;
  const unread = active && holds(active.membership, "message_box") ? await unreadThreadCount(svc.db, active.membership.userId, active.provider.id) : 0;
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      {signedIn ? <IdleTimeoutWarning deadline={idleDeadline(signedIn.session).getTime()} now={svc.clock.now().getTime()} /> : null}
      <div className="mb-6 flex justify-end">
        <ProviderRibbon userName={userName} accounts={accounts} />
      </div>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <PortalNav current={current} items={portalMenu(active?.membership ?? null)} unread={unread} />
        <div className="min-w-0">
          {removed ? (
            <Alert tone="warning">
              Your access to {removed.providerName} was removed on <DateTime value={removed.revokedAt} timeZone={siteConfig().timeZone} />. If you still need it, ask
              one of its administrators.
            </Alert>
          ) : null}
          {children}
        </div>
      </div>
    </div>
  );
}

import { BoxLink } from "@/components/messages/box-link";
import { ComposeForm } from "@/components/messages/compose-form";
import { PortalShell } from "@/components/providers/portal-shell";
import { appServices } from "@/lib/app-services";
import { addressableMembers } from "@/lib/messages/addressing";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { composeMessageAction } from "../actions";

export const metadata = { title: "Write a message" };

export default async function ComposePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { user, provider } = await requirePage("providerMember", "message_box");
  const svc = await appServices();
  const [recipients, accounts] = await Promise.all([addressableMembers(svc.db, provider.id, user.id), linkedAccountsFor(user.id, provider.id)]);
  const params = await searchParams;
  return (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="messages">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <p className="mb-2 text-sm">
          <BoxLink href="/messages">
            Back to Message Box
          </BoxLink>
        </p>
        <h1 className="mb-1 text-2xl font-bold text-brand-800">Write a message</h1>
        <p className="mb-4 text-slate-700">To members of {providerDisplayName(provider)}. Messages stay in the portal; nobody outside this provider can be addressed.</p>
        <ComposeForm action={composeMessageAction} recipients={recipients} preselected={params.to} />
      </div>
    </PortalShell>
  );
}

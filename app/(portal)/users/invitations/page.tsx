import { notFound } from "next/navigation";
import { InvitationsTable } from "@/components/users/invitations-table";
import { InviteUsers } from "@/components/users/invite-dialog";
import { askedConfirmation } from "@/components/users/asked-confirmation";
import { UsersPageFrame } from "@/components/users/users-page-frame";
import { appServices } from "@/lib/app-services";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { siteConfig } from "@/lib/site";
import { listInvitations } from "@/lib/users/invite";

export const metadata = { title: "Invitations - Manage Users" };

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<{ confirm?: string | string[]; id?: string | string[] }> }) {
  const { user, provider } = await requirePage("providerAdmin");
  const [list, accounts] = await Promise.all([listInvitations(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list.ok) notFound();
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="invitations" actions={<InviteUsers />}>
      <InvitationsTable rows={list.invitations} timeZone={siteConfig().timeZone} asked={askedConfirmation(await searchParams)} />
    </UsersPageFrame>
  );
}

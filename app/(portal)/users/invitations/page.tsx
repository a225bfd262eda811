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

type Search = { confirm?: string | string[]; id?: string | string[]; invite?: string | string[] };

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, provider } = await requirePage("providerAdmin");
  const [list, accounts] = await Promise.all([listInvitations(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list.ok) notFound();
  // The dialog or question the address asks for: the tab's buttons used without JavaScript.
  const search = await searchParams;
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="invitations" actions={<InviteUsers page="/users/invitations" open={search.invite === "1"} />}>
      <InvitationsTable rows={list.invitations} timeZone={siteConfig().timeZone} asked={askedConfirmation(search)} />
    </UsersPageFrame>
  );
}

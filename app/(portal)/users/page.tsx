import { notFound } from "next/navigation";
import { askedConfirmation } from "@/components/users/asked-confirmation";
import { InviteUsers } from "@/components/users/invite-dialog";
import { UsersPageFrame } from "@/components/users/users-page-frame";
import { UsersTable } from "@/components/users/users-table";
import { appServices } from "@/lib/app-services";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { providerDisplayName } from "@/lib/registry/rows";
import { listProviderUsers } from "@/lib/users/manage";

export const metadata = { title: "Manage Users" };

type Search = { edit?: string | string[]; confirm?: string | string[]; id?: string | string[]; invite?: string | string[] };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, provider } = await requirePage("providerAdmin");
  const [list, accounts] = await Promise.all([listProviderUsers(await appServices(), user.id, provider.id), linkedAccountsFor(user.id, provider.id)]);
  if (!list.ok) notFound();
  const rows = list.users.map((u) => ({ membershipId: u.membershipId, email: u.email, name: u.name, role: u.role, permissions: u.permissions, userPermissions: u.userPermissions, status: u.status, self: u.userId === user.id }));
  // The dialog or question the address asks for: the tab's buttons used without JavaScript.
  const search = await searchParams;
  return (
    <UsersPageFrame userName={`${user.firstName} ${user.lastName}`} accounts={accounts} providerName={providerDisplayName(provider)} tab="users" actions={<InviteUsers page="/users" open={search.invite === "1"} />}>
      <UsersTable rows={rows} editId={typeof search.edit === "string" ? search.edit : null} asked={askedConfirmation(search)} />
    </UsersPageFrame>
  );
}

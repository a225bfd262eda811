import { redirect } from "next/navigation";
import { LinkedAccountsTable } from "@/components/providers/linked-accounts-table";
import { PortalShell } from "@/components/providers/portal-shell";
import { Alert } from "@/components/ui/alert";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { appServices } from "@/lib/app-services";
import { grantedPermissions, permissionLabel, roleLabel } from "@/lib/access/permissions";
import { resumePendingInvitation } from "@/lib/next/invitation-cookie";
import { getProviderContext, linkedAccountsFor } from "@/lib/next/provider-context";
import { groupPractitioners } from "@/lib/providers/directory";
import { providerDisplayName } from "@/lib/registry/rows";
import { siteConfig } from "@/lib/site";

export const metadata = { title: "Home" };

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { user, active } = await getProviderContext();
  await resumePendingInvitation(user.email);
  // No provider link yet: the association step is the only way on.
  if (!active) redirect("/associate");
  const { provider, membership } = active;
  const svc = await appServices();
  const [accounts, practitioners] = await Promise.all([linkedAccountsFor(user.id, provider.id), groupPractitioners(svc.db, provider)]);
  const params = await searchParams;
  return (
    <PortalShell userName={`${user.firstName} ${user.lastName}`} accounts={accounts} current="home">
      <div className="space-y-6">
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-2xl font-bold text-brand-800">
            Welcome, {user.firstName} {user.lastName}
          </h1>
          <p className="mt-2 text-slate-700">You are signed in as {user.email}.</p>
          {params.switched === "1" ? <Alert tone="success">You are now acting for {providerDisplayName(provider)}.</Alert> : null}
          {params.joined === "1" ? <Alert tone="success">You joined {providerDisplayName(provider)}. It is now your active provider.</Alert> : null}
        </section>

        <section aria-labelledby="active-provider" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="active-provider" className="text-xl font-semibold text-brand-800">
            Active provider
          </h2>
          <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
            <dt className="font-medium text-slate-700">Name</dt>
            <dd>{providerDisplayName(provider)}</dd>
            <dt className="font-medium text-slate-700">NPI</dt>
            <dd>{provider.npi}</dd>
            <dt className="font-medium text-slate-700">Provider ID</dt>
            <dd>{provider.providerNumber}</dd>
            <dt className="font-medium text-slate-700">Provider Type</dt>
            <dd>{provider.providerType === "group" ? "Group" : "Practitioner"}</dd>
            <dt className="font-medium text-slate-700">Your role</dt>
            <dd>{roleLabel(membership.role)}</dd>
          </dl>
          <h3 className="mt-5 font-semibold text-brand-800">What you can do for this provider</h3>
          <ul className="mt-2 grid list-disc gap-1 pl-5 sm:grid-cols-2">
            {grantedPermissions(membership).map((id) => (
              <li key={id}>{permissionLabel(id)}</li>
            ))}
          </ul>
          {membership.role === "user" && grantedPermissions(membership).length === 0 ? (
            <p className="mt-2 text-slate-700">Your administrator has not given you any permissions yet.</p>
          ) : null}
        </section>

        {provider.providerType === "group" ? (
          <section aria-labelledby="group-providers" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h2 id="group-providers" className="text-xl font-semibold text-brand-800">
              Providers in this group
            </h2>
            <p className="mt-1 text-sm text-slate-700">As a Group you have access to all providers listed under the Group Tax ID.</p>
            {practitioners.length ? (
              <div className="mt-3">
                <DataTable caption="Practitioners under this group" captionHidden columns={["Name", "NPI", "Provider ID"]}>
                  {practitioners.map((p) => (
                    <Row key={p.id}>
                      <RowHeader label="Name">{p.name}</RowHeader>
                      <Cell label="NPI">{p.npi}</Cell>
                      <Cell label="Provider ID">{p.providerNumber}</Cell>
                    </Row>
                  ))}
                </DataTable>
              </div>
            ) : (
              <p className="mt-3 text-slate-700">No practitioners are listed under this group yet.</p>
            )}
          </section>
        ) : null}

        <section aria-labelledby="linked" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="linked" className="sr-only">
            Linked accounts
          </h2>
          <LinkedAccountsTable accounts={accounts} caption="Your linked accounts" timeZone={siteConfig().timeZone} />
        </section>
      </div>
    </PortalShell>
  );
}

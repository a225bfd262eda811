import { redirect } from "next/navigation";
import { AgreementStep } from "@/components/providers/agreement-step";
import { appServices } from "@/lib/app-services";
import { getProviderContext, linkedAccountsFor } from "@/lib/next/provider-context";
import { getPendingAssociation } from "@/lib/providers/association";

export const metadata = { title: "Provider Agreement" };

export default async function AssociateAgreementPage() {
  const { user, active } = await getProviderContext();
  const pending = await getPendingAssociation(await appServices(), user.id);
  if (!pending) redirect("/associate");
  const accounts = await linkedAccountsFor(user.id, active?.provider.id ?? null);
  return (
    <AgreementStep
      userName={`${user.firstName} ${user.lastName}`}
      accounts={accounts}
      current="associate"
      heading="Associate Your Account"
      pending={pending}
      submitLabel="Next"
      restartPath="/associate"
    />
  );
}

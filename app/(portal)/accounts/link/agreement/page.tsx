import { redirect } from "next/navigation";
import { AgreementStep } from "@/components/providers/agreement-step";
import { appServices } from "@/lib/app-services";
import { linkedAccountsFor, requireProviderContext } from "@/lib/next/provider-context";
import { getPendingAssociation } from "@/lib/providers/association";

export const metadata = { title: "Link Account - Provider Agreement" };

export default async function LinkAgreementPage() {
  const { user, provider } = await requireProviderContext();
  const pending = await getPendingAssociation(await appServices(), user.id);
  if (!pending) redirect("/accounts/link");
  const accounts = await linkedAccountsFor(user.id, provider.id);
  return (
    <AgreementStep
      userName={`${user.firstName} ${user.lastName}`}
      accounts={accounts}
      current="link"
      heading="Link Account"
      pending={pending}
      submitLabel="Finish"
      donePath="/accounts?linked=1"
      restartPath="/accounts/link"
    />
  );
}

import { redirect } from "next/navigation";
import { AgreementStep } from "@/components/providers/agreement-step";
import { appServices } from "@/lib/app-services";
import { requirePage } from "@/lib/next/page-guard";
import { linkedAccountsFor } from "@/lib/next/provider-context";
import { getPendingAssociation } from "@/lib/providers/association";

export const metadata = { title: "Link Account - Provider Agreement" };

export default async function LinkAgreementPage() {
  const { user, provider } = await requirePage("providerMember");
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
      restartPath="/accounts/link"
    />
  );
}

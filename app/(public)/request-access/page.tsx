import { RequestAccessForm } from "@/components/requests/request-access-form";
import { FormCard } from "@/components/ui/card";

export const metadata = { title: "Request Access for New User" };

/** `?npi=` (a 10-digit NPI, e.g. from Associate Provider's "an administrator manages it") prefills the NPI. */
export default async function RequestAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { npi } = await searchParams;
  const initialNpi = typeof npi === "string" && /^\d{10}$/.test(npi) ? npi : "";
  return (
    <FormCard
      title="Request Access for New User"
      intro="Ask the administrators of a provider's account for access to it in the Provider Portal. They have 5 days to approve or deny your request."
      width="max-w-3xl"
    >
      <RequestAccessForm initialNpi={initialNpi} />
    </FormCard>
  );
}

import { RegisterForm } from "@/components/auth/register-form";
import { FormCard } from "@/components/ui/card";
import { invitedEmail } from "@/lib/next/invitation-cookie";

export const metadata = { title: "Create Account" };

/** Create Account; reached from an invitation (/invitations/continue), the invited email is filled in and fixed. */
export default async function RegisterPage() {
  const invited = await invitedEmail();
  return (
    <FormCard title="Create Account" intro="Register for the Provider Portal. We will email you a link to activate your account." width="max-w-xl">
      <RegisterForm invitedEmail={invited ?? undefined} />
    </FormCard>
  );
}

import { EmailRequestForm } from "@/components/auth/email-request-form";
import { Alert } from "@/components/ui/alert";
import { FormCard } from "@/components/ui/card";
import { resendActivationAction } from "./actions";

export const metadata = { title: "Resend activation email" };

const linkProblems: Record<string, string> = {
  expired: "That activation link has expired. Links work for 7 days.",
  used: "That activation link was already used, or a newer link was sent. If your account is active, sign in.",
  invalid: "That activation link is not valid. Check that you copied the whole link from the email.",
};

export default async function ResendActivationPage({ searchParams }: { searchParams: Promise<{ link?: string; email?: string }> }) {
  const { link, email } = await searchParams;
  const problem = link ? linkProblems[link] : undefined;
  return (
    <FormCard title="Resend activation email" intro="Enter the email you registered with and we will send a new Activate Account link.">
      {problem ? (
        <Alert tone="warning" title="We could not activate your account">
          {problem} Get a new link below.
        </Alert>
      ) : null}
      <EmailRequestForm
        action={resendActivationAction}
        submitLabel="Send activation email"
        defaultEmail={email?.slice(0, 254) ?? ""}
        confirmation="If that email has an account waiting for activation, a new Activate Account link is on its way. Check your email."
      />
    </FormCard>
  );
}

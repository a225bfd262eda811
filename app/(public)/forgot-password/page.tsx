import { EmailRequestForm } from "@/components/auth/email-request-form";
import { FormCard } from "@/components/ui/card";
import { forgotPasswordAction } from "./actions";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <FormCard
      title="Forgot password"
      intro="Enter the email you sign in with. We will send a link to reset your password; it also unlocks an account locked after too many attempts."
    >
      <EmailRequestForm
        action={forgotPasswordAction}
        submitLabel="Submit"
        confirmation="If that email has an account, we sent it a link to reset your password. The link works once, for 1 hour. Check your email."
      />
    </FormCard>
  );
}

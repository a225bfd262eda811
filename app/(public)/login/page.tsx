import { FormCard } from "@/components/ui/card";

export const metadata = { title: "Sign in" };

export default function LoginPage() {
  return (
    <FormCard title="Provider Self Services" intro="Sign in to the Provider Portal.">
      <p>Sign-in arrives with the account issue.</p>
    </FormCard>
  );
}

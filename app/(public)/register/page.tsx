import { RegisterForm } from "@/components/auth/register-form";
import { FormCard } from "@/components/ui/card";

export const metadata = { title: "Create Account" };

export default function RegisterPage() {
  return (
    <FormCard title="Create Account" intro="Register for the Provider Portal. We will email you a link to activate your account." width="max-w-xl">
      <RegisterForm />
    </FormCard>
  );
}

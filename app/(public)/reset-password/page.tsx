import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { FormCard } from "@/components/ui/card";
import { appServices } from "@/lib/app-services";
import { checkResetLink } from "@/lib/auth/password-reset";

export const metadata = { title: "Reset password" };

const problems = {
  expired: "This reset link has expired. Links work for 1 hour.",
  used: "This reset link was already used, or a newer one was sent.",
  invalid: "This reset link is not valid. Check that you copied the whole link from the email.",
};

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const link = await checkResetLink(await appServices(), token);
  return (
    <FormCard title="Reset password" intro={link.status === "valid" ? `Choose a new password for ${link.email}.` : undefined}>
      {link.status === "valid" ? (
        <ResetPasswordForm token={token} email={link.email} />
      ) : (
        <Alert tone="warning" title="We could not use this link">
          {problems[link.status]}{" "}
          <Link href="/forgot-password" className="underline">
            Get a new reset link
          </Link>
        </Alert>
      )}
    </FormCard>
  );
}

import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { FormCard } from "@/components/ui/card";
import { env } from "@/lib/env";
import { getCurrentSession } from "@/lib/next/session";
import { postedCallbackUrl, signInCsrfToken } from "@/lib/next/sign-in-form";
import { safeRedirect } from "@/lib/safe-redirect";

export const metadata = { title: "Sign in" };

const notices: Record<string, { tone: "success" | "info" | "warning"; text: string }> = {
  activated: { tone: "success", text: "Your account is activated. Sign in to continue." },
  reset: { tone: "success", text: "Your password was changed. Sign in with your new password." },
  signedOut: { tone: "info", text: "You have signed out." },
  expired: { tone: "warning", text: "Your session ended. Sign in again to continue." },
  mfaEnded: { tone: "warning", text: "Too many wrong verification codes. Sign in again to get a new challenge." },
};

/** The first page most people load, kept light: plain links (next/link's client code is not needed here), and a form that needs no script. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const current = await getCurrentSession();
  if (current) redirect(current.session.mfaVerifiedAt ? "/home" : "/mfa");
  const params = await searchParams;
  const notice = Object.keys(notices).find((k) => params[k] === "1");
  // `error`: a sign-in posted without JavaScript failed (next-auth sends the code here, and keeps
  // where the person was going in its callback-url cookie). `callbackUrl`: next-auth's own name.
  const error = typeof params.error === "string" ? params.error.slice(0, 40) : undefined;
  const target = params.next ?? params.callbackUrl ?? (error ? await postedCallbackUrl() : undefined);
  return (
    <FormCard title="Provider Self Services" intro="Sign in to the Provider Portal with your email and password.">
      {notice ? <Alert tone={notices[notice]!.tone}>{notices[notice]!.text}</Alert> : null}
      <SignInForm next={safeRedirect(target, env().APP_URL)} csrfToken={await signInCsrfToken()} error={error} />
      <nav aria-label="Account help" className="mt-6 text-sm">
        <ul className="space-y-2">
          <li>
            <a className="text-brand-700 underline" href="/forgot-password">
              Forgot Password?
            </a>
          </li>
          <li>
            <a className="text-brand-700 underline" href="/register/instructions">
              New Provider Registration
            </a>{" "}
            (or go straight to{" "}
            <a className="text-brand-700 underline" href="/register">
              Sign-up
            </a>
            )
          </li>
          <li>
            <a className="text-brand-700 underline" href="/request-access">
              Request Access for New User
            </a>{" "}
            <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold uppercase text-amber-900">New!</span>
          </li>
          <li>
            <a className="text-brand-700 underline" href="/resend-activation">
              Resend activation email
            </a>
          </li>
        </ul>
        <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-2 border-t border-slate-200 pt-4">
          <li>
            <a className="text-brand-700 underline" href="/send-message">
              Send Message
            </a>
          </li>
          <li>
            <a className="text-brand-700 underline" href="/system-requirements">
              Minimum System Requirements
            </a>
          </li>
          <li>
            <a className="text-brand-700 underline" href="/faq">
              View FAQs
            </a>
          </li>
          <li>
            <a className="text-brand-700 underline" href="/contact-us">
              Contact Us
            </a>
          </li>
        </ul>
      </nav>
    </FormCard>
  );
}

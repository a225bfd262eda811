"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { confirmEnrollmentAction, resendEnrollmentAction, startEnrollmentAction } from "@/app/(auth)/mfa/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { CodeField } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";
import { waitText } from "./wait-text";

type Method = "totp" | "email" | "sms";

const METHODS: { id: Method; title: string; description: string }[] = [
  { id: "totp", title: "Authenticator app", description: "Enter a single-use code from Google Authenticator, Microsoft Authenticator or another authenticator app." },
  { id: "sms", title: "SMS Authentication", description: "Enter a single-use code sent to your mobile phone." },
  { id: "email", title: "Email Authentication", description: "Enter a single-use code sent to your email address." },
];

const LABELS = { method: "Verification method", phone: "Mobile phone number", code: "Verification code" };

/** A setup in progress, rendered by the page from /mfa/setup?factor=ID. */
export type PendingSetup = { factorId: string; type: "totp"; secret: string; qr: string } | { factorId: string; type: "email" | "sms" };

/** The server refused a step because the session changed (a challenge to pass first, or the password to re-enter): the page knows what to show. */
const refusedForSession = (state: unknown) => {
  const reason = (state as { reason?: unknown } | null)?.reason;
  return reason === "reverify" || reason === "mfa_required";
};

/**
 * Set Up Multifactor Authentication: choose a method (step 1), prove it with a code (step 2, on
 * /mfa/setup?factor=ID), then save the recovery codes. Every step is a form that works without
 * JavaScript; the hooks are called on every render in the same order, so the page rendered after
 * a post without JavaScript finds each form's answer (the recovery codes included).
 */
export function SetupWizard({ email, pending, adding, staleSetup = false }: { email: string; pending: PendingSetup | null; adding: boolean; staleSetup?: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const start = useFormAction(startEnrollmentAction);
  const confirm = useFormAction(confirmEnrollmentAction, (form) => (/^\d{6}$/.test(String(form.get("code") ?? "")) ? {} : { code: "Enter the 6-digit code" }));
  const resend = useFormAction(resendEnrollmentAction);
  const [method, setMethod] = useState<Method | null>((start.values.method as Method | undefined) ?? null);
  const [code, setCode] = useState("");

  const refused = refusedForSession(start.state) || refusedForSession(confirm.state) || refusedForSession(resend.state);
  useEffect(() => {
    if (refused) router.refresh();
  }, [refused, router]);
  useEffect(() => {
    if (confirm.state && !confirm.state.ok) setCode("");
  }, [confirm.state]);

  const recoveryCodes = confirm.state?.ok ? confirm.state.recoveryCodes : null;
  // Only a first factor brings recovery codes, and a first factor is a first sign-in: on to the portal.
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} doneHref="/home" />;

  if (!pending) {
    const startState = start.state;
    const formError = startState && "retryAfterMs" in startState ? waitText(startState.retryAfterMs) : null;
    // Without JavaScript the phone field cannot appear on choosing SMS, so it is always there.
    const showPhone = method === "sms" || !hydrated;
    return (
      <form {...start.form}>
        <p className="mb-6 text-slate-700">
          {adding
            ? "Add another way to verify it's you when you sign in."
            : "Select which multifactor authentication method you would like to use when signing in. You need one before you can use the portal."}
        </p>
        {staleSetup ? <Alert tone="warning">That setup is no longer open. Choose a method to start again.</Alert> : null}
        <ErrorSummary errors={start.errors} labels={LABELS} formError={formError} />
        <fieldset id="method" aria-describedby={start.errors.method ? "method-error" : undefined}>
          <legend className="mb-3 font-semibold text-slate-800">Choose how you will verify it&apos;s you when you sign in</legend>
          <div className="space-y-3">
            {METHODS.map((m) => (
              <label key={m.id} className={`flex cursor-pointer gap-3 rounded-md border p-4 ${method === m.id ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}>
                <input type="radio" name="method" value={m.id} checked={method === m.id} onChange={() => setMethod(m.id)} className="mt-1 h-4 w-4" />
                <span>
                  <span className="block font-semibold">{m.title}</span>
                  <span className="block text-sm text-slate-700">{m.description}</span>
                </span>
              </label>
            ))}
          </div>
          {start.errors.method ? (
            <p id="method-error" className="mt-1 text-sm font-medium text-red-700">
              {start.errors.method}
            </p>
          ) : null}
        </fieldset>
        {showPhone ? (
          <TextField
            id="phone"
            name="phone"
            className="mt-4 mb-4 max-w-sm"
            label={hydrated ? "Mobile phone number" : "Mobile phone number (SMS Authentication only)"}
            type="tel"
            autoComplete="tel-national"
            required={hydrated}
            maxLength={20}
            defaultValue={start.values.phone}
            hint="A US number that can receive text messages, like (614) 555-0123."
            error={start.errors.phone}
          />
        ) : null}
        <SubmitButton className="mt-4" pending={start.pending}>
          {method === "totp" ? "Set up authenticator app" : method ? "Send code" : "Next"}
        </SubmitButton>
      </form>
    );
  }

  const resendState = resend.state;
  const resendNotice = resendState?.ok ? "We sent a new code." : null;
  const resendError = resendState && !resendState.ok ? ("retryAfterMs" in resendState ? waitText(resendState.retryAfterMs) : "Start again: this setup is no longer open.") : null;
  return (
    <div>
      <ErrorSummary errors={confirm.errors} labels={LABELS} formError={resendError} />
      {pending.type === "totp" ? (
        <div className="mb-4 flex flex-col gap-4 sm:flex-row">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={pending.qr} alt="QR code to scan with your authenticator app" width={200} height={200} className="rounded border border-slate-300" />
          <div>
            <p className="text-slate-800">Scan the QR code with your authenticator app, then enter the 6-digit code it shows.</p>
            <p className="mt-3 text-sm font-semibold text-slate-800">Can&apos;t scan? Enter this key</p>
            <p className="mt-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-base" data-testid="totp-key">
              {pending.secret.match(/.{1,4}/g)?.join(" ")}
            </p>
            <p className="mt-1 text-sm text-slate-600">Time-based, 6 digits, every 30 seconds.</p>
          </div>
        </div>
      ) : (
        <p role="status" className="mb-4 text-slate-800">
          {resendNotice ?? (pending.type === "sms" ? "We sent a 6-digit code to your phone." : `We sent a 6-digit code to ${email}.`)}
        </p>
      )}
      <form {...confirm.form}>
        <input type="hidden" name="factorId" value={pending.factorId} />
        <CodeField value={code} onChange={setCode} error={confirm.errors.code} hint={pending.type === "totp" ? undefined : "The code expires in 10 minutes."} />
        <SubmitButton pending={confirm.pending}>Verify</SubmitButton>
      </form>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        {pending.type !== "totp" ? (
          <form {...resend.form}>
            <input type="hidden" name="factorId" value={pending.factorId} />
            <SubmitButton variant="secondary" pending={resend.pending}>
              Send a new code
            </SubmitButton>
          </form>
        ) : null}
        <Link href="/mfa/setup" className="text-brand-700 underline">
          Choose another method
        </Link>
      </div>
    </div>
  );
}

"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmEnrollmentAction, resendEnrollmentAction, startCodeAction, startTotpAction } from "@/app/(auth)/mfa/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { CodeField } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";

type Method = "totp" | "email" | "sms";

const METHODS: { id: Method; title: string; description: string }[] = [
  { id: "totp", title: "Authenticator app", description: "Enter a single-use code from Google Authenticator, Microsoft Authenticator or another authenticator app." },
  { id: "sms", title: "SMS Authentication", description: "Enter a single-use code sent to your mobile phone." },
  { id: "email", title: "Email Authentication", description: "Enter a single-use code sent to your email address." },
];

function waitText(ms: number) {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `Wait ${s} seconds before asking for another code.` : `Too many codes sent. Try again in ${Math.ceil(s / 60)} minutes.`;
}

/** Set Up Multifactor Authentication: choose a method, prove it with a code, then save the recovery codes. */
export function SetupWizard({ email, doneHref }: { email: string; doneHref: string }) {
  const router = useRouter();
  const [method, setMethod] = useState<Method | null>(null);
  const [factorId, setFactorId] = useState<string | null>(null);
  const [totp, setTotp] = useState<{ secret: string; qr: string } | null>(null);
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovery, setRecovery] = useState<string[] | null>(null);

  const reset = (m: Method | null) => {
    setMethod(m);
    setFactorId(null);
    setTotp(null);
    setCode("");
    setErrors({});
    setFormError(null);
    setNotice(null);
  };

  async function begin() {
    if (!method) return setErrors({ method: "Choose a verification method" });
    setBusy(true);
    setErrors({});
    setFormError(null);
    if (method === "totp") {
      const r = await callAction(() => startTotpAction());
      if ("unexpected" in r) setFormError(UNEXPECTED_ERROR);
      else {
        setFactorId(r.factorId);
        setTotp({ secret: r.secret, qr: r.qr });
      }
    } else {
      const r = await callAction(() => startCodeAction({ type: method, phone }));
      if ("unexpected" in r) setFormError(UNEXPECTED_ERROR);
      else if (r.ok) {
        setFactorId(r.factorId);
        setNotice(method === "sms" ? "We sent a 6-digit code to your phone." : `We sent a 6-digit code to ${email}.`);
      } else if ("fieldErrors" in r) setErrors(r.fieldErrors);
      else setFormError(waitText(r.retryAfterMs));
    }
    setBusy(false);
  }

  async function resend() {
    if (!factorId) return;
    const r = await callAction(() => resendEnrollmentAction(factorId));
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) return setNotice("We sent a new code.");
    setFormError("retryAfterMs" in r ? waitText(r.retryAfterMs) : "Start again: this setup is no longer open.");
  }

  async function confirm() {
    if (!factorId) return;
    if (!/^\d{6}$/.test(code)) return setErrors({ code: "Enter the 6-digit code" });
    setBusy(true);
    const r = await callAction(() => confirmEnrollmentAction({ factorId, code }));
    setBusy(false);
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (!r.ok) return setErrors(r.fieldErrors);
    if (r.recoveryCodes) return setRecovery(r.recoveryCodes);
    router.replace(doneHref);
    router.refresh();
  }

  if (recovery) {
    return (
      <RecoveryCodes
        codes={recovery}
        onDone={() => {
          router.replace(doneHref);
          router.refresh();
        }}
      />
    );
  }

  return (
    <div>
      <ErrorSummary errors={errors} labels={{ method: "Verification method", phone: "Mobile phone number", code: "Verification code" }} formError={formError} />
      {!factorId ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void begin();
          }}
        >
          <fieldset id="method" aria-describedby={errors.method ? "method-error" : undefined}>
            <legend className="mb-3 font-semibold text-slate-800">Choose how you will verify it&apos;s you when you sign in</legend>
            <div className="space-y-3">
              {METHODS.map((m) => (
                <label key={m.id} className={`flex cursor-pointer gap-3 rounded-md border p-4 ${method === m.id ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}>
                  <input type="radio" name="method" value={m.id} checked={method === m.id} onChange={() => reset(m.id)} className="mt-1 h-4 w-4" />
                  <span>
                    <span className="block font-semibold">{m.title}</span>
                    <span className="block text-sm text-slate-700">{m.description}</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.method ? (
              <p id="method-error" className="mt-1 text-sm font-medium text-red-700">
                {errors.method}
              </p>
            ) : null}
          </fieldset>
          {method === "sms" ? (
            <TextField
              id="phone"
              className="mt-4 mb-4 max-w-sm"
              label="Mobile phone number"
              type="tel"
              autoComplete="tel-national"
              required
              maxLength={20}
              hint="A US number that can receive text messages, like (614) 555-0123."
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              error={errors.phone}
            />
          ) : null}
          <SubmitButton className="mt-4" disabled={busy}>
            {method === "totp" ? "Set up authenticator app" : method ? "Send code" : "Next"}
          </SubmitButton>
        </form>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          {totp ? (
            <div className="mb-4 flex flex-col gap-4 sm:flex-row">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={totp.qr} alt="QR code to scan with your authenticator app" width={200} height={200} className="rounded border border-slate-300" />
              <div>
                <p className="text-slate-800">Scan the QR code with your authenticator app, then enter the 6-digit code it shows.</p>
                <p className="mt-3 text-sm font-semibold text-slate-800">Can&apos;t scan? Enter this key</p>
                <p className="mt-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-base" data-testid="totp-key">
                  {totp.secret.match(/.{1,4}/g)?.join(" ")}
                </p>
                <p className="mt-1 text-sm text-slate-600">Time-based, 6 digits, every 30 seconds.</p>
              </div>
            </div>
          ) : (
            <p role="status" className="mb-4 text-slate-800">
              {notice}
            </p>
          )}
          <CodeField value={code} onChange={setCode} error={errors.code} hint={totp ? undefined : "The code expires in 10 minutes."} />
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton disabled={busy}>
              Verify
            </SubmitButton>
            {!totp ? (
              <Button variant="secondary" onClick={() => void resend()}>
                Send a new code
              </Button>
            ) : null}
            <Button variant="link" onClick={() => reset(null)}>
              Choose another method
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

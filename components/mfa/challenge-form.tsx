"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendChallengeAction, verifyChallengeAction } from "@/app/(auth)/mfa/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { CodeField } from "./code-field";

export interface FactorChoice {
  id: string;
  type: "totp" | "email" | "sms";
  label: string;
  detail: string;
}

/** The sign-in challenge: pick one of your factors (or a recovery code), enter the code. */
export function ChallengeForm({ factors, next }: { factors: FactorChoice[]; next: string }) {
  const router = useRouter();
  const [factorId, setFactorId] = useState(factors[0]?.id ?? "");
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [trust, setTrust] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const factor = factors.find((f) => f.id === factorId);

  async function send() {
    if (!factor) return;
    setFormError(null);
    const r = await callAction(() => sendChallengeAction(factor.id));
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) return setSentTo(factor.id);
    if ("retryAfterMs" in r) {
      const s = Math.ceil(r.retryAfterMs / 1000);
      return setFormError(s < 60 ? `Wait ${s} seconds before asking for another code.` : `Too many codes sent. Try again in ${Math.ceil(s / 60)} minutes.`);
    }
    setFormError(UNEXPECTED_ERROR);
  }

  async function verify() {
    const value = code.trim();
    if (!value) return setError(useRecovery ? "Enter a recovery code" : "Enter the 6-digit code");
    setBusy(true);
    setError(undefined);
    setFormError(null);
    const input = useRecovery ? { method: "recovery" as const, code: value, trustDevice: trust } : { method: "factor" as const, factorId, code: value, trustDevice: trust };
    const r = await callAction(() => verifyChallengeAction(input));
    setBusy(false);
    if ("unexpected" in r) return setFormError(UNEXPECTED_ERROR);
    if (r.ok) {
      router.replace(next);
      router.refresh();
      return;
    }
    if (r.error === "ended") {
      router.replace("/login?mfaEnded=1");
      router.refresh();
      return;
    }
    setCode("");
    setError(`That code is not right. ${r.remaining} ${r.remaining === 1 ? "try" : "tries"} left before you must sign in again.`);
  }

  const needsSend = !useRecovery && factor && factor.type !== "totp";
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void verify();
      }}
    >
      <ErrorSummary errors={{ code: error }} labels={{ code: useRecovery ? "Recovery code" : "Verification code" }} formError={formError} />
      {!useRecovery ? (
        <fieldset className="mb-4">
          <legend className="mb-2 font-semibold text-slate-800">Verify with</legend>
          <div className="space-y-2">
            {factors.map((f) => (
              <label key={f.id} className="flex items-center gap-3">
                <input
                  type="radio"
                  name="factor"
                  value={f.id}
                  checked={factorId === f.id}
                  onChange={() => {
                    setFactorId(f.id);
                    setSentTo(null);
                    setCode("");
                  }}
                  className="h-4 w-4"
                />
                <span>
                  <span className="font-medium">{f.label}</span> <span className="text-slate-600">{f.detail}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      {needsSend ? (
        <div className="mb-4">
          <Button variant="secondary" onClick={() => void send()}>
            {sentTo === factorId ? "Send a new code" : factor.type === "sms" ? "Send code by text" : "Send code by email"}
          </Button>
          <p role="status" className="mt-2 text-sm text-slate-700">
            {sentTo === factorId ? `We sent a 6-digit code ${factor.type === "sms" ? "to your phone" : "to your email"}. It expires in 10 minutes.` : ""}
          </p>
        </div>
      ) : null}

      {useRecovery ? (
        <TextField id="code" label="Recovery code" required autoComplete="off" maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} error={error} className="mb-4 max-w-xs" />
      ) : (
        <CodeField value={code} onChange={setCode} error={error} hint={factor?.type === "totp" ? "The code your authenticator app shows now." : undefined} />
      )}

      <label className="mb-4 flex items-start gap-3">
        <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} className="mt-1 h-4 w-4" />
        <span>Do not challenge me on this device for the next 30 days</span>
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton disabled={busy}>
          Verify
        </SubmitButton>
        <Button
          variant="link"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setCode("");
            setError(undefined);
          }}
        >
          {useRecovery ? "Use a verification code instead" : "Use a recovery code"}
        </Button>
      </div>
    </form>
  );
}

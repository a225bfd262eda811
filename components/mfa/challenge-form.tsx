"use client";

import { useEffect, useState, type FormEvent } from "react";
import { sendChallengeAction, verifyChallengeAction } from "@/app/(auth)/mfa/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { UNEXPECTED_ERROR } from "@/components/forms/messages";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { CodeField } from "./code-field";
import { waitText } from "./wait-text";

export interface FactorChoice {
  id: string;
  type: "totp" | "email" | "sms";
  label: string;
  detail: string;
}

const SEND_FORM = "send-code";
const sendLabel = (f: FactorChoice, sent: boolean) => (sent ? "Send a new code" : f.type === "sms" ? "Send code by text" : "Send code by email");

/**
 * The sign-in challenge: pick one of your factors (or a recovery code), enter the code; right,
 * the action sends the person on; five wrong codes end the session. Works without JavaScript:
 * "Send code" is a second form (its buttons sit by the choices and name the factor they send to),
 * "Use a recovery code" opens /mfa?method=recovery, and the trust-this-device box is a plain
 * checkbox. With JavaScript only the chosen factor's send button shows, and switching to a
 * recovery code needs no page load.
 */
export function ChallengeForm({ factors, recovery = false }: { factors: FactorChoice[]; recovery?: boolean }) {
  const hydrated = useHydrated();
  const verify = useFormAction(verifyChallengeAction, (form) =>
    String(form.get("code") ?? "").trim() ? {} : { code: form.get("method") === "recovery" ? "Enter a recovery code" : "Enter the 6-digit code" },
  );
  const send = useFormAction(sendChallengeAction);
  const sentTo = send.state?.ok ? send.values.factorId : undefined;
  const [useRecovery, setUseRecovery] = useState(recovery || verify.values.method === "recovery");
  const [factorId, setFactorId] = useState(sentTo ?? send.values.factorId ?? verify.values.factorId ?? factors[0]?.id ?? "");
  const [code, setCode] = useState("");
  const factor = factors.find((f) => f.id === factorId);

  useEffect(() => {
    if (verify.state && !verify.state.ok) setCode("");
  }, [verify.state]);

  const wrong = verify.state && "remaining" in verify.state ? verify.state.remaining : null;
  const codeError =
    verify.errors.code ??
    (wrong !== null ? `That code is not right. ${wrong} ${wrong === 1 ? "try" : "tries"} left before you must sign in again.` : undefined);
  const sendState = send.state;
  const formError = sendState && !sendState.ok ? ("retryAfterMs" in sendState ? waitText(sendState.retryAfterMs) : UNEXPECTED_ERROR) : null;

  // Without JavaScript the radio choice cannot relabel one button, so each factor that takes a sent code gets its own.
  const sendable = useRecovery ? [] : factors.filter((f) => f.type !== "totp" && (!hydrated || f.id === factorId));

  const toggle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setUseRecovery(!useRecovery);
    setCode("");
    verify.clear();
  };

  return (
    <>
      <form {...verify.form}>
        <ErrorSummary errors={{ code: codeError }} labels={{ code: useRecovery ? "Recovery code" : "Verification code" }} formError={formError} />
        <input type="hidden" name="method" value={useRecovery ? "recovery" : "factor"} />
        {!useRecovery ? (
          <fieldset className="mb-4">
            <legend className="mb-2 font-semibold text-slate-800">Verify with</legend>
            <div className="space-y-2">
              {factors.map((f) => (
                <label key={f.id} className="flex items-center gap-3">
                  <input
                    type="radio"
                    name="factorId"
                    value={f.id}
                    checked={factorId === f.id}
                    onChange={() => {
                      setFactorId(f.id);
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

        {sendable.length > 0 ? (
          <div className="mb-4">
            <div className="flex flex-wrap gap-3">
              {sendable.map((f) => (
                <Button key={f.id} type="submit" form={SEND_FORM} name="factorId" value={f.id} variant="secondary" aria-disabled={send.pending || undefined}>
                  {sendLabel(f, sentTo === f.id)}
                </Button>
              ))}
            </div>
            <p role="status" className="mt-2 text-sm text-slate-700">
              {sentTo && factors.find((f) => f.id === sentTo)
                ? `We sent a 6-digit code ${factors.find((f) => f.id === sentTo)!.type === "sms" ? "to your phone" : "to your email"}. It expires in 10 minutes.`
                : ""}
            </p>
          </div>
        ) : null}

        {useRecovery ? (
          <TextField id="code" name="code" label="Recovery code" required autoComplete="off" maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} error={codeError} className="mb-4 max-w-xs" />
        ) : (
          <CodeField value={code} onChange={setCode} error={codeError} hint={factor?.type === "totp" ? "The code your authenticator app shows now." : undefined} />
        )}

        <label className="mb-4 flex items-start gap-3">
          <input type="checkbox" name="trustDevice" defaultChecked={verify.values.trustDevice === "on"} className="mt-1 h-4 w-4" />
          <span>Do not challenge me on this device for the next 30 days</span>
        </label>
        <SubmitButton pending={verify.pending}>Verify</SubmitButton>
      </form>
      {/* Outside the verify form (forms do not nest): the send buttons above belong to it through form="send-code". */}
      <form id={SEND_FORM} {...send.form} />
      <form method="get" action="/mfa" onSubmit={toggle} className="mt-4">
        {!useRecovery ? <input type="hidden" name="method" value="recovery" /> : null}
        <Button type="submit" variant="link">
          {useRecovery ? "Use a verification code instead" : "Use a recovery code"}
        </Button>
      </form>
    </>
  );
}

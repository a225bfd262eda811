"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { UNEXPECTED_ERROR } from "@/components/forms/messages";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/ui/field";
import { EMAIL_INVALID, EMAIL_REQUIRED, looksLikeEmail, PASSWORD_REQUIRED } from "@/lib/auth/messages";
import { signInFailure, type SignInFailure } from "./sign-in-messages";

const CALLBACK = "/api/auth/callback/credentials";

/** next-auth's answer to a `json: "true"` post: where it would have redirected. */
async function postCredentials(body: URLSearchParams): Promise<URL> {
  const res = await fetch(CALLBACK, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  const { url } = (await res.json()) as { url?: string };
  if (!url) throw new Error("no answer");
  return new URL(url, window.location.href);
}

/**
 * Sign in: a plain form posting to next-auth's credentials callback with its CSRF token, so it
 * works without JavaScript (a failure comes back as /login?error=CODE, which the page words the
 * same way: `error`). With JavaScript the same post is made with fetch, after a light check of
 * the fields, so the typed email stays and the message is announced without a page load.
 * `next` is already a safe local path (the page runs it through safeRedirect).
 */
export function SignInForm({ next, csrfToken, error }: { next: string; csrfToken: string; error?: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<SignInFailure | null>(error ? signInFailure(error) : null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [resendFor, setResendFor] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const problems: Record<string, string> = {};
    if (!email) problems.email = EMAIL_REQUIRED;
    else if (!looksLikeEmail(email)) problems.email = EMAIL_INVALID;
    if (!password) problems.password = PASSWORD_REQUIRED;
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;

    setPending(true);
    try {
      const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: next, json: "true" });
      let answer = await postCredentials(body);
      // The CSRF cookie went missing (cleared, or a browser restart): take a fresh token once.
      if (answer.searchParams.get("csrf") === "true") {
        const fresh = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
        body.set("csrfToken", fresh.csrfToken);
        answer = await postCredentials(body);
      }
      const code = answer.searchParams.get("error");
      if (!code && answer.searchParams.get("csrf") !== "true") {
        router.replace(next);
        router.refresh();
        return;
      }
      setFailure(signInFailure(code ?? "unavailable"));
      setResendFor(email);
    } catch {
      setFailure({ text: UNEXPECTED_ERROR });
    }
    setPending(false);
  }

  return (
    <form method="post" action={CALLBACK} onSubmit={onSubmit} noValidate aria-describedby="terms">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={next} />
      <ErrorSummary errors={errors} labels={{ email: "Email", password: "Password" }} formError={failure?.text} />
      {failure?.resend ? (
        <p className="-mt-2 mb-4">
          <a className="text-brand-700 underline" href={resendFor ? `/resend-activation?email=${encodeURIComponent(resendFor)}` : "/resend-activation"}>
            Resend activation email
          </a>
        </p>
      ) : null}
      <TextField id="email" name="email" label="Email" type="email" autoComplete="username" required maxLength={254} error={errors.email} />
      <TextField id="password" name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
      <p id="terms" className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
        This system is for authorized use by providers and their staff. By selecting Accept &amp; Login you agree to the terms of use: activity is
        monitored and recorded, and protected health information you see must be used only as the law allows.
      </p>
      <SubmitButton className="w-full" pending={pending} pendingLabel="Signing in…">
        Accept &amp; Login
      </SubmitButton>
    </form>
  );
}

"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { env } from "@/lib/env";
import { checkboxField } from "@/lib/forms";
import { sendChallengeCode, verifyChallenge } from "@/lib/mfa/challenge";
import { confirmEnrollment, resendEnrollmentCode, startCodeEnrollment, startTotpEnrollment } from "@/lib/mfa/factors";
import { TRUSTED_DEVICE_COOKIE } from "@/lib/mfa/policy";
import { defineAction } from "@/lib/next/action";

// Enrolling a factor (guard mfaEnrollment): a first sign-in with no factor yet, or a verified
// session that re-entered the password recently. The sign-in challenge (guard mfaPending): a
// session past the password whose person has a factor.
//
// Every step is a form that works without JavaScript: a started setup continues on
// /mfa/setup?factor=ID (the page shows the authenticator key or where the code went), and the
// challenge ends with a redirect.

const factorId = z.string().max(64);

/** Step 1 of setup: the chosen method. An authenticator app gets a new key; email and SMS get a first code. */
export const startEnrollmentAction = defineAction(
  {
    name: "mfa.enroll.start",
    guard: "mfaEnrollment",
    schema: z.object({ method: z.enum(["totp", "email", "sms"], { error: "Choose a verification method" }), phone: z.string().max(30).optional() }),
    echo: ["method", "phone"],
  },
  async ({ method, phone }, { svc, session, user }) => {
    const started = method === "totp" ? await startTotpEnrollment(svc, { session, user }, env().PORTAL_NAME) : await startCodeEnrollment(svc, { session, user }, { type: method, phone });
    if (!started.ok) return started;
    redirect(`/mfa/setup?factor=${started.factorId}`);
  },
);

export const resendEnrollmentAction = defineAction(
  { name: "mfa.enroll.resend_code", guard: "mfaEnrollment", schema: z.object({ factorId }) },
  async (input, { svc, user }) => resendEnrollmentCode(svc, user, input.factorId),
);

/** Step 2: the code. The first factor answers with the recovery codes to show once; another one goes back to the settings. */
export const confirmEnrollmentAction = defineAction(
  { name: "mfa.enroll.confirm", guard: "mfaEnrollment", schema: z.object({ factorId, code: z.string().max(20) }) },
  async (input, { svc, session, user, request }) => {
    const result = await confirmEnrollment(svc, { session, user }, input, request);
    if (result.ok && !result.recoveryCodes) redirect("/settings/security");
    return result;
  },
);

export const sendChallengeAction = defineAction(
  { name: "mfa.challenge.send_code", guard: "mfaPending", schema: z.object({ factorId }), echo: ["factorId"] },
  async (input, { svc, user }) => sendChallengeCode(svc, user, input.factorId),
);

export const verifyChallengeAction = defineAction(
  {
    name: "mfa.challenge.verify",
    guard: "mfaPending",
    schema: z.discriminatedUnion("method", [
      z.object({ method: z.literal("factor"), factorId, code: z.string().max(40), trustDevice: checkboxField }),
      z.object({ method: z.literal("recovery"), code: z.string().max(40), trustDevice: checkboxField }),
    ]),
    echo: ["method", "factorId", "trustDevice"],
  },
  async (input, { svc, session, user, request }) => {
    const result = await verifyChallenge(svc, session, user, input, request);
    if (result.ok && result.trustedDevice) {
      (await cookies()).set(TRUSTED_DEVICE_COOKIE, result.trustedDevice.token, {
        httpOnly: true,
        sameSite: "lax",
        secure: env().APP_URL.startsWith("https://"),
        path: "/",
        expires: result.trustedDevice.expiresAt,
      });
    }
    if (result.ok) redirect("/home");
    // Five wrong codes ended the session: the person starts again from the password.
    if (result.error === "ended") redirect("/login?mfaEnded=1");
    return result;
  },
);

"use server";

import { cookies } from "next/headers";
import QRCode from "qrcode";
import { appServices } from "@/lib/app-services";
import { env } from "@/lib/env";
import { sendChallengeCode, verifyChallenge, type ChallengeInput } from "@/lib/mfa/challenge";
import { confirmEnrollment, resendEnrollmentCode, startCodeEnrollment, startTotpEnrollment } from "@/lib/mfa/factors";
import { TRUSTED_DEVICE_COOKIE } from "@/lib/mfa/policy";
import { currentRequestContext } from "@/lib/next/request";
import { requireSession } from "@/lib/next/session";

// Multifactor actions run for sessions whose second factor is still pending, and for signed-in
// people adding another factor from their security settings.

export async function startTotpAction() {
  const { user } = await requireSession({ mfa: "pending" });
  const enrollment = await startTotpEnrollment(await appServices(), user, env().PORTAL_NAME);
  const qr = await QRCode.toDataURL(enrollment.uri, { margin: 1, width: 200 });
  return { factorId: enrollment.factorId, secret: enrollment.secret, qr };
}

export async function startCodeAction(input: { type: "email" | "sms"; phone?: string }) {
  const { user } = await requireSession({ mfa: "pending" });
  if (input?.type !== "email" && input?.type !== "sms") return { ok: false as const, fieldErrors: { type: "Choose a method" } };
  return startCodeEnrollment(await appServices(), user, { type: input.type, phone: typeof input.phone === "string" ? input.phone.slice(0, 30) : undefined });
}

export async function resendEnrollmentAction(factorId: string) {
  const { user } = await requireSession({ mfa: "pending" });
  return resendEnrollmentCode(await appServices(), user, factorId);
}

export async function confirmEnrollmentAction(input: { factorId: string; code: string }) {
  const { user, session } = await requireSession({ mfa: "pending" });
  return confirmEnrollment(await appServices(), user, session.id, { factorId: input?.factorId, code: input?.code }, await currentRequestContext());
}

export async function sendChallengeAction(factorId: string) {
  const { user } = await requireSession({ mfa: "pending" });
  return sendChallengeCode(await appServices(), user, factorId);
}

export async function verifyChallengeAction(input: ChallengeInput) {
  const { user, session } = await requireSession({ mfa: "pending" });
  const result = await verifyChallenge(await appServices(), session, user, input, await currentRequestContext());
  if (result.ok && result.trustedDevice) {
    (await cookies()).set(TRUSTED_DEVICE_COOKIE, result.trustedDevice.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: env().APP_URL.startsWith("https://"),
      path: "/",
      expires: result.trustedDevice.expiresAt,
    });
  }
  return result.ok ? { ok: true as const } : result;
}

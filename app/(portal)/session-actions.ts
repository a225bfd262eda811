"use server";

import { redirect } from "next/navigation";
import { revokeSession, touchSession } from "@/lib/auth/sessions";
import { defineAction } from "@/lib/next/action";
import { cookieSessionId, dropSessionCookies } from "@/lib/next/session";

/**
 * "Stay signed in" in the idle-timeout warning: resets the session's idle clock. Answers how long
 * until the new idle deadline (milliseconds, measured on the server, so the browser's clock does
 * not matter), or ok: false when the session has ended meanwhile.
 */
export const staySignedInAction = defineAction({ name: "session.stay_signed_in", guard: "signedIn" }, async (_input, { svc, session }) => {
  const touched = await touchSession(svc, session.id);
  return touched.ok ? { ok: true as const, msLeft: touched.idleDeadline.getTime() - svc.clock.now().getTime() } : { ok: false as const };
});

/**
 * Sign out, from any page and at any step (a password-only session on the MFA pages too, hence
 * the public guard): ends the session this browser's cookie names and drops the cookie. A plain
 * form posts it, so it works without JavaScript.
 */
export const signOutAction = defineAction({ name: "auth.sign_out", guard: "public" }, async (_input, { svc }) => {
  const sessionId = await cookieSessionId();
  if (sessionId) await revokeSession(svc.db, sessionId, svc.clock);
  await dropSessionCookies();
  redirect("/login?signedOut=1");
});

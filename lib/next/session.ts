import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { appServices } from "@/lib/app-services";
import { validateSession, type ActiveSession } from "@/lib/auth/sessions";
import { authOptions } from "./auth-options";

/** The session id in the next-auth cookie, if any (not yet checked against the database). */
const cookieSessionId = cache(async (): Promise<string | null> => {
  const nextAuth = (await getServerSession(authOptions())) as { sid?: unknown } | null;
  return typeof nextAuth?.sid === "string" ? nextAuth.sid : null;
});

/** The live server-side session for this request, or null. Checked against the database every request. */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const sid = await cookieSessionId();
  if (!sid) return null;
  const svc = await appServices();
  return validateSession(svc.db, sid, svc.clock);
});

/**
 * For signed-in pages and actions: the session, or a redirect to sign in. A session whose second
 * factor has not passed reaches nothing but the multifactor pages (which pass `mfa: "pending"`).
 */
export async function requireSession(options: { mfa?: "verified" | "pending" } = {}): Promise<ActiveSession> {
  const s = await getCurrentSession();
  if (!s) redirect((await cookieSessionId()) ? "/login?expired=1" : "/login");
  if ((options.mfa ?? "verified") === "verified" && !s.session.mfaVerifiedAt) redirect("/mfa");
  return s;
}

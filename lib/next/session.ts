import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { appServices } from "@/lib/app-services";
import type { GuardInput } from "@/lib/access/guards";
import { validateSession, type ActiveSession } from "@/lib/auth/sessions";
import { env } from "@/lib/env";

/** next-auth's session cookie: "__Secure-" prefixed when the portal is served over https. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** Drops this browser's session cookie (the session itself is ended in the database by the caller). */
export async function dropSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    if (jar.get(name)) jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}

/** The session id inside the next-auth cookie, if any (not yet checked against the database). */
export const cookieSessionId = cache(async (): Promise<string | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
});

/** The live server-side session for this request, or null. Checked against the database every request. */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const sid = await cookieSessionId();
  if (!sid) return null;
  const svc = await appServices();
  return validateSession(svc.db, sid, svc.clock);
});

/** What the guards need to know about this request's session. */
export async function currentGuardInput(): Promise<GuardInput> {
  const current = await getCurrentSession();
  return { current, hadSessionCookie: current ? true : (await cookieSessionId()) !== null };
}

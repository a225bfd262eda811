import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

/**
 * What the sign-in form needs to post straight to next-auth's credentials callback
 * (POST /api/auth/callback/credentials), so it works without JavaScript.
 *
 * next-auth checks a double-submit CSRF token: the cookie holds `token|sha256(token + secret)`,
 * and the posted `csrfToken` field must equal `token`. proxy.ts gives every /login request a
 * valid cookie (the page cannot set one while rendering), and the page reads the token from it.
 */

/** next-auth's cookies are "__Secure-"/"__Host-" prefixed exactly when the portal is served over https. */
export function authCookiesSecure(): boolean {
  return env().APP_URL.startsWith("https://");
}

export function csrfCookieName(secure = authCookiesSecure()): string {
  return `${secure ? "__Host-" : ""}next-auth.csrf-token`;
}

const hashOf = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** The token inside a CSRF cookie value, or null when the value was not made with this secret. */
export function csrfTokenFromCookie(value: string | undefined, secret: string): string | null {
  const [token, hash] = (value ?? "").split("|");
  if (!token || !hash || !/^[0-9a-f]{64}$/.test(hash)) return null;
  const expected = Buffer.from(hashOf(token, secret));
  return timingSafeEqual(expected, Buffer.from(hash)) ? token : null;
}

/** A new CSRF cookie value, as next-auth makes them. */
export function newCsrfCookieValue(secret: string): string {
  const token = randomBytes(32).toString("hex");
  return `${token}|${hashOf(token, secret)}`;
}

/** The cookie options next-auth gives its CSRF cookie. */
export function csrfCookieOptions(secure = authCookiesSecure()) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}

/** For the login page: the CSRF token to post, read from the cookie proxy.ts made sure of ("" if none). */
export async function signInCsrfToken(): Promise<string> {
  const jar = await cookies();
  return csrfTokenFromCookie(jar.get(csrfCookieName())?.value, env().NEXTAUTH_SECRET) ?? "";
}

/**
 * Where a failed no-JavaScript sign-in was headed. next-auth sends the person back to
 * /login?error=... without the callbackUrl they posted, but keeps it in its callback-url cookie
 * (already passed through the redirect callback's safeRedirect; the caller checks it again).
 */
export async function postedCallbackUrl(): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(`${authCookiesSecure() ? "__Secure-" : ""}next-auth.callback-url`)?.value;
  if (!value) return undefined;
  try {
    const url = new URL(value, env().APP_URL);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

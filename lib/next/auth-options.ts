import type { AuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appServices } from "@/lib/app-services";
import { revokeSession, validateSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { SESSION_ABSOLUTE_MS } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { logger, newReference } from "@/lib/log";
import { TRUSTED_DEVICE_COOKIE } from "@/lib/mfa/policy";
import { requestContextFrom } from "@/lib/request-context";
import { safeRedirect } from "@/lib/safe-redirect";
import { authCookiesSecure } from "./sign-in-form";

/**
 * The error codes next-auth hands to the sign-in form (worded in components/auth/sign-in-messages.ts):
 * "invalid:N" (N wrong passwords left before the lock), "locked", "not_activated", "rate_limited:S"
 * (seconds to wait) and "unavailable".
 */
export const SIGN_IN_ERROR = { invalid: "invalid", locked: "locked", notActivated: "not_activated", rateLimited: "rate_limited" } as const;

/**
 * next-auth with the Credentials provider. The JWT cookie carries only our session id; the
 * sessions table is the truth, checked on every request (lib/next/session.ts), so sessions are
 * revocable server-side. The session id never leaves the httpOnly cookie: /api/auth/session
 * answers only the expiry of a live session, and nothing for an ended one.
 */
export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // The same rule the sign-in form's CSRF cookie follows (lib/next/sign-in-form.ts).
    useSecureCookies: authCookiesSecure(),
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const ctx = requestContextFrom((name) => headers[name]);
          let result;
          try {
            const trustedDeviceToken = cookieValue(headers.cookie, TRUSTED_DEVICE_COOKIE);
            result = await signIn(await appServices(), { email: credentials?.email, password: credentials?.password }, ctx, { trustedDeviceToken });
          } catch (err) {
            // Never hand internal error text to the browser.
            logger.error({ err, ref: newReference(), entry: "auth.sign_in" }, "sign-in failed");
            throw new Error("unavailable");
          }
          if (result.ok) return { id: result.userId, sessionId: result.sessionId };
          // next-auth hands the thrown message to the client's signIn() as `error`.
          if (result.code === "rate_limited") throw new Error(`${SIGN_IN_ERROR.rateLimited}:${Math.ceil(result.retryAfterMs / 1000)}`);
          if (result.code === "invalid") throw new Error(`${SIGN_IN_ERROR.invalid}:${result.remaining}`);
          throw new Error(result.code);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      },
      async session({ session, token }) {
        const svc = await appServices();
        const live = typeof token.sid === "string" ? await validateSession(svc.db, token.sid, svc.clock) : null;
        return (live ? { expires: session.expires } : {}) as Session;
      },
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeRedirect(path, env().APP_URL)}`;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") {
          const svc = await appServices();
          await revokeSession(svc.db, token.sid, svc.clock);
        }
      },
    },
  };
}

/** One cookie's value from a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) {
      try {
        return decodeURIComponent(v.join("="));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appServices } from "@/lib/app-services";
import { revokeSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { SESSION_ABSOLUTE_MS } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { TRUSTED_DEVICE_COOKIE } from "@/lib/mfa/policy";
import { requestContextFrom } from "@/lib/request-context";

/** Error codes the sign-in form turns into messages (see components/auth/sign-in-messages.ts). */
export const SIGN_IN_ERROR = { invalid: "invalid", locked: "locked", notActivated: "not_activated", rateLimited: "rate_limited" } as const;

/**
 * next-auth with the Credentials provider. The JWT cookie carries only our session id; the
 * sessions table is the truth, checked on every request (lib/next/session.ts), so sessions are
 * revocable server-side.
 */
export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
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
          } catch (e) {
            // Never hand internal error text to the browser.
            console.error("[auth] sign-in failed:", e);
            throw new Error("unavailable");
          }
          if (result.ok) return { id: result.userId, sessionId: result.sessionId };
          // next-auth hands the thrown message to the client's signIn() as `error`.
          if (result.code === "rate_limited") throw new Error(`${SIGN_IN_ERROR.rateLimited}:${Math.ceil(result.retryAfterMs / 1000)}`);
          throw new Error(result.code);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid } as typeof session;
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
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

import type { SessionRow, User } from "@/db/schema";
import { needsReverification } from "@/lib/auth/account-settings";
import type { ActiveSession } from "@/lib/auth/sessions";
import { mayEnrollFactor } from "@/lib/mfa/enrollment";
import { confirmedFactors } from "@/lib/mfa/factors";
import { resolveActiveProvider, type ActiveProvider } from "@/lib/providers/linked-accounts";
import type { Services } from "@/lib/services";
import { holds, type Permission } from "./permissions";

/**
 * Who may call a server action, a route handler or open a page, declared once per entry point
 * (lib/next/action.ts, lib/next/page-guard.ts) and decided here, in one place:
 *
 * - public: anyone.
 * - mfaEnrollment: enrolling a second factor. A session that has not passed MFA may do it only
 *   while the person has no confirmed factor at all (first sign-in); otherwise it needs an
 *   MFA-verified session whose password was re-entered in the last 10 minutes.
 * - mfaPending: the sign-in challenge: password passed, second factor not yet, a factor enrolled.
 * - signedIn: password and second factor passed.
 * - recentlyVerified: signedIn, and the password (or a code) was entered in the last 10 minutes.
 * - providerMember: signedIn with an active membership of the session's active provider,
 *   holding `permission` when one is given (administrators hold every permission).
 * - providerAdmin: providerMember whose role is administrator.
 */
export const GUARDS = ["public", "mfaEnrollment", "mfaPending", "signedIn", "recentlyVerified", "providerMember", "providerAdmin"] as const;
export type GuardName = (typeof GUARDS)[number];

/** Why a caller was refused; lib/next turns each into a redirect, a 404 or a result. */
export type Refusal = "signed_out" | "session_ended" | "mfa_required" | "mfa_setup_required" | "no_provider" | "forbidden" | "reverify";

export interface SessionContext {
  session: SessionRow;
  user: User;
}
export type ProviderContext = SessionContext & ActiveProvider;

export type GuardContext<G extends GuardName> = G extends "public"
  ? Record<never, never>
  : G extends "providerMember" | "providerAdmin"
    ? ProviderContext
    : SessionContext;

export type GuardDecision<G extends GuardName> = { ok: true; context: GuardContext<G> } | { ok: false; refusal: Refusal };

export interface GuardInput {
  /** The live session for the request, or null. */
  current: ActiveSession | null;
  /** A session cookie was sent but its session is over (signed out, idle, expired, revoked). */
  hadSessionCookie: boolean;
}

const refuse = (refusal: Refusal) => ({ ok: false as const, refusal });

export async function checkGuard<G extends GuardName>(svc: Services, guard: G, input: GuardInput, permission?: Permission): Promise<GuardDecision<G>> {
  const allow = (context: unknown) => ({ ok: true as const, context: context as GuardContext<G> });
  if (guard === "public") return allow({});
  const current = input.current;
  if (!current) return refuse(input.hadSessionCookie ? "session_ended" : "signed_out");
  const { session, user } = current;
  const now = svc.clock.now();
  const verified = !!session.mfaVerifiedAt;

  switch (guard) {
    case "mfaEnrollment": {
      const hasFactor = verified ? true : (await confirmedFactors(svc.db, user.id)).length > 0;
      const decision = mayEnrollFactor({ mfaVerified: verified, hasConfirmedFactor: hasFactor, recentlyVerified: !needsReverification(session, now) });
      return decision === "allowed" ? allow({ session, user }) : refuse(decision === "reverify" ? "reverify" : "mfa_required");
    }
    case "mfaPending": {
      if (verified) return refuse("forbidden");
      if ((await confirmedFactors(svc.db, user.id)).length === 0) return refuse("mfa_setup_required");
      return allow({ session, user });
    }
    default:
      break;
  }
  if (!verified) return refuse("mfa_required");
  if (guard === "signedIn") return allow({ session, user });
  if (guard === "recentlyVerified") return needsReverification(session, now) ? refuse("reverify") : allow({ session, user });

  const active = await resolveActiveProvider(svc.db, session);
  if (!active) return refuse("no_provider");
  if (guard === "providerAdmin" && active.membership.role !== "admin") return refuse("forbidden");
  if (permission && !holds(active.membership, permission)) return refuse("forbidden");
  return allow({ session, user, ...active });
}

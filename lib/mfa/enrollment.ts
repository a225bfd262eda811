/**
 * When a second factor may be added (security test finding: a password-only session enrolled its
 * own authenticator and so passed MFA). Before MFA has passed, only a person with no confirmed
 * factor at all may enroll (their first sign-in); anyone else proves the factor they have first,
 * and then re-enters the password if it was entered more than 10 minutes ago.
 */
export type EnrollmentDecision = "allowed" | "mfa_required" | "reverify";

export function mayEnrollFactor(s: { mfaVerified: boolean; hasConfirmedFactor: boolean; recentlyVerified: boolean }): EnrollmentDecision {
  if (!s.mfaVerified) return s.hasConfirmedFactor ? "mfa_required" : "allowed";
  return s.recentlyVerified ? "allowed" : "reverify";
}

/**
 * The account forms' field messages, shared by the zod schemas (lib/auth/schemas.ts) and the
 * light checks the sign-in form runs in the browser, which must not load zod. Browser-safe.
 */
export const EMAIL_REQUIRED = "Enter your email";
export const EMAIL_INVALID = "Enter a valid email address, like name@example.com";
export const PASSWORD_REQUIRED = "Enter your password";

/** The shape check the browser can afford: something@something.something, no spaces. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

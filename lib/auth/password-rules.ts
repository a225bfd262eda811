/**
 * The password rules from the registration guides, as data: the form shows them as a live
 * checklist and the zod schema enforces the same list. Safe for the browser.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export interface PasswordRule {
  id: string;
  label: string;
  test(password: string, email: string): boolean;
}

/** The part of the email before "@", lower-cased; what a password must not contain. */
export function emailLocalPart(email: string): string {
  return email.trim().toLowerCase().split("@")[0] ?? "";
}

export const PASSWORD_RULES: PasswordRule[] = [
  { id: "length", label: `At least ${PASSWORD_MIN} characters`, test: (p) => p.length >= PASSWORD_MIN },
  { id: "lower", label: "One lowercase letter", test: (p) => /[a-z]/.test(p) },
  { id: "upper", label: "One uppercase letter", test: (p) => /[A-Z]/.test(p) },
  { id: "digit", label: "One number", test: (p) => /\d/.test(p) },
  { id: "special", label: "One special character (such as !, @, $ and %)", test: (p) => /[^A-Za-z0-9\s]/.test(p) },
  {
    id: "email",
    label: "Not part of your username (email)",
    test: (p, email) => {
      const local = emailLocalPart(email);
      return local.length < 3 || !p.toLowerCase().includes(local);
    },
  },
];

/** The first broken rule's message, or null when the password meets every rule. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters`;
  const broken = PASSWORD_RULES.find((r) => !r.test(password, email));
  if (!broken) return null;
  return broken.id === "email" ? "Password must not contain your email's username" : `Password needs: ${broken.label.toLowerCase()}`;
}

import { z } from "zod";
import { hasControlCharacters, textField } from "@/lib/text";
import { EMAIL_INVALID, EMAIL_REQUIRED, PASSWORD_REQUIRED } from "./messages";
import { PASSWORD_MAX, passwordProblem } from "./password-rules";
import { SECURITY_QUESTIONS } from "./security-questions";

/** The server's rules for the account forms (the browser gets their messages from ./messages, not zod). */

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailField = z
  .string({ error: EMAIL_REQUIRED })
  .trim()
  .min(1, EMAIL_REQUIRED)
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ error: EMAIL_INVALID }))
  .transform(normalizeEmail);

const name = (label: string) => textField({ name: `${label[0]!.toUpperCase()}${label.slice(1)}`, max: 100, required: `Enter your ${label}` });

const securityAnswer = textField({ name: "Security answer", max: 100, min: 2, required: "Enter your security answer" });

/** A new password: within the length limit and free of control characters (the rules come after). */
const newPassword = (empty: string) =>
  z
    .string({ error: empty })
    .min(1, empty)
    .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`)
    .refine((v) => !hasControlCharacters(v), "Password contains characters that are not allowed");

export const registerSchema = z
  .object({
    email: emailField,
    password: newPassword("Enter a password"),
    firstName: name("first name"),
    lastName: name("last name"),
    securityQuestion: z.enum(SECURITY_QUESTIONS, { error: "Choose a security question" }),
    securityAnswer,
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type RegisterInput = z.input<typeof registerSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: PASSWORD_REQUIRED }).min(1, PASSWORD_REQUIRED).max(PASSWORD_MAX * 4, "Password is too long"),
});

export const emailOnlySchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: newPassword("Enter a new password"),
    confirmPassword: z.string({ error: "Confirm the new password" }).min(1, "Confirm the new password"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX * 4),
    password: newPassword("Enter a new password"),
    confirmPassword: z.string({ error: "Confirm the new password" }).min(1, "Confirm the new password"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export const securityQuestionSchema = z.object({
  securityQuestion: z.enum(SECURITY_QUESTIONS, { error: "Choose a security question" }),
  securityAnswer,
});

import { z } from "zod";
import { PASSWORD_MAX, passwordProblem } from "./password-rules";
import { SECURITY_QUESTIONS } from "./security-questions";

/** Shared by the forms (react-hook-form) and the server actions: one set of rules. Browser-safe. */

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailField = z
  .string({ error: "Enter your email" })
  .trim()
  .min(1, "Enter your email")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com" }))
  .transform(normalizeEmail);

const name = (label: string) =>
  z
    .string({ error: `Enter your ${label}` })
    .trim()
    .min(1, `Enter your ${label}`)
    .max(100, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most 100 characters`);

export const registerSchema = z
  .object({
    email: emailField,
    password: z.string({ error: "Enter a password" }).min(1, "Enter a password").max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`),
    firstName: name("first name"),
    lastName: name("last name"),
    securityQuestion: z.enum(SECURITY_QUESTIONS, { error: "Choose a security question" }),
    securityAnswer: z.string({ error: "Enter your security answer" }).trim().min(2, "Enter your security answer").max(100, "Security answer must be at most 100 characters"),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type RegisterInput = z.input<typeof registerSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(PASSWORD_MAX * 4, "Password is too long"),
});

export const emailOnlySchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: z.string({ error: "Enter a new password" }).min(1, "Enter a new password").max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`),
    confirmPassword: z.string({ error: "Confirm the new password" }).min(1, "Confirm the new password"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX * 4),
    password: z.string({ error: "Enter a new password" }).min(1, "Enter a new password").max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`),
    confirmPassword: z.string({ error: "Confirm the new password" }).min(1, "Confirm the new password"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export const securityQuestionSchema = z.object({
  securityQuestion: z.enum(SECURITY_QUESTIONS, { error: "Choose a security question" }),
  securityAnswer: z.string({ error: "Enter your security answer" }).trim().min(2, "Enter your security answer").max(100, "Security answer must be at most 100 characters"),
});

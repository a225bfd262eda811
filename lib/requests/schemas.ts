import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";
import { optionalTextField, textField } from "@/lib/text";
import { roleAndPermissionsSchema } from "@/lib/users/schemas";
import { PHONE_MESSAGE, US_STATES } from "./choices";
import { REASON_MAX } from "./policy";

/** The server's rules for Request Access for New User and the decisions (the public form loads no zod). */
export { PHONE_MESSAGE, PROGRAMS, US_STATES } from "./choices";

const STATE_CODES = US_STATES.map(([code]) => code) as string[];

const required = (label: string, max = 100) => textField({ name: `${label[0]!.toUpperCase()}${label.slice(1)}`, max, required: `Enter ${label}` });

const digits = (n: number, message: string) => z.string({ error: message }).trim().regex(new RegExp(`^\\d{${n}}$`), message);

export const accessRequestSchema = z
  .object({
    program: z.enum(["medicaid", "medicare", "both"], { error: "Choose a Program" }),
    state: optionalTextField({ name: "State", max: 2 }),
    npi: optionalTextField({ name: "NPI", max: 20 }),
    /** Set when the provider was chosen from the search dialog. */
    providerId: optionalTextField({ name: "Provider", max: 40 }),
    providerName: optionalTextField({ name: "Provider name", max: 200 }),
    firstName: required("your first name"),
    lastName: required("your last name"),
    positionTitle: required("your position or title"),
    email: emailField,
    confirmEmail: textField({ name: "Confirm Email", max: 254, required: "Confirm your email" }),
    phoneArea: digits(3, PHONE_MESSAGE),
    phonePrefix: digits(3, PHONE_MESSAGE),
    phoneLine: digits(4, PHONE_MESSAGE),
    phoneExtension: z
      .string()
      .trim()
      .regex(/^\d{0,6}$/, "Extn must be at most 6 digits")
      .optional()
      .default(""),
    reason: textField({ name: "Reason", max: REASON_MAX, required: "Enter the reason for requesting access", multiline: true }),
    /** Honeypot: hidden from people, filled by naive bots. */
    website: z.string().max(500).optional().default(""),
  })
  // The cross-field rules run even when other fields failed (`when`), so a person sees every
  // problem on the first Submit; the value may then hold raw input, hence text().
  .superRefine(
    (v, ctx) => {
      const text = (x: unknown) => (typeof x === "string" ? x.trim() : "");
      const state = text(v.state);
      const stateKnown = STATE_CODES.includes(state);
      if (v.program === "medicaid" || v.program === "both") {
        if (!state) ctx.addIssue({ code: "custom", path: ["state"], message: "Choose a State for Medicaid" });
        else if (!stateKnown) ctx.addIssue({ code: "custom", path: ["state"], message: "Choose a State from the list" });
      } else if (state && !stateKnown) ctx.addIssue({ code: "custom", path: ["state"], message: "Choose a State from the list" });
      const npi = text(v.npi);
      if (npi && !/^\d{10}$/.test(npi)) ctx.addIssue({ code: "custom", path: ["npi"], message: "NPI must be 10 digits" });
      if (!npi && !text(v.providerId) && !text(v.providerName))
        ctx.addIssue({ code: "custom", path: ["npi"], message: "Enter the NPI, search for the provider, or enter the Provider name" });
      const confirm = text(v.confirmEmail).toLowerCase();
      if (confirm && confirm !== text(v.email).toLowerCase()) ctx.addIssue({ code: "custom", path: ["confirmEmail"], message: "Emails do not match" });
    },
    // Any object: the rules read each field defensively. Not null, a string or an array.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) },
  );
export type AccessRequestInput = z.input<typeof accessRequestSchema>;

export const approveSchema = roleAndPermissionsSchema.refine((v) => v.role === "admin" || v.permissions.length > 0, { path: ["permissions"], message: "Choose at least one permission" });
export type ApproveInput = z.input<typeof approveSchema>;

export const denySchema = z.object({
  reason: optionalTextField({ name: "Reason", max: REASON_MAX, multiline: true }),
});
export type DenyInput = z.input<typeof denySchema>;

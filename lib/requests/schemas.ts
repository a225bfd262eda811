import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";
import { roleAndPermissionsSchema } from "@/lib/users/schemas";
import { REASON_MAX } from "./policy";

/** Shared by the Request Access form (react-hook-form) and submitAccessRequest. Browser-safe. */

export const PROGRAMS = [
  { id: "medicaid", label: "Medicaid" },
  { id: "medicare", label: "Medicare" },
  { id: "both", label: "Both" },
] as const;

export const US_STATES = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"], ["CO", "Colorado"], ["CT", "Connecticut"],
  ["DE", "Delaware"], ["DC", "District of Columbia"], ["FL", "Florida"], ["GA", "Georgia"], ["HI", "Hawaii"], ["ID", "Idaho"], ["IL", "Illinois"],
  ["IN", "Indiana"], ["IA", "Iowa"], ["KS", "Kansas"], ["KY", "Kentucky"], ["LA", "Louisiana"], ["ME", "Maine"], ["MD", "Maryland"],
  ["MA", "Massachusetts"], ["MI", "Michigan"], ["MN", "Minnesota"], ["MS", "Mississippi"], ["MO", "Missouri"], ["MT", "Montana"], ["NE", "Nebraska"],
  ["NV", "Nevada"], ["NH", "New Hampshire"], ["NJ", "New Jersey"], ["NM", "New Mexico"], ["NY", "New York"], ["NC", "North Carolina"],
  ["ND", "North Dakota"], ["OH", "Ohio"], ["OK", "Oklahoma"], ["OR", "Oregon"], ["PA", "Pennsylvania"], ["RI", "Rhode Island"],
  ["SC", "South Carolina"], ["SD", "South Dakota"], ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"], ["VA", "Virginia"],
  ["WA", "Washington"], ["WV", "West Virginia"], ["WI", "Wisconsin"], ["WY", "Wyoming"],
] as const;
const STATE_CODES = US_STATES.map(([code]) => code) as string[];

const required = (label: string, max = 100) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} characters`);

const digits = (n: number, message: string) => z.string({ error: message }).trim().regex(new RegExp(`^\\d{${n}}$`), message);

export const PHONE_MESSAGE = "Enter a 10-digit phone number: 3, 3 and 4 digits";

export const accessRequestSchema = z
  .object({
    program: z.enum(["medicaid", "medicare", "both"], { error: "Choose a Program" }),
    state: z.string().trim().max(2).optional().default(""),
    npi: z.string().trim().max(20).optional().default(""),
    /** Set when the provider was chosen from the search dialog. */
    providerId: z.string().trim().max(40).optional().default(""),
    providerName: z.string().trim().max(200, "Provider name must be at most 200 characters").optional().default(""),
    firstName: required("your first name"),
    lastName: required("your last name"),
    positionTitle: required("your position or title"),
    email: emailField,
    confirmEmail: z.string({ error: "Confirm your email" }).trim().min(1, "Confirm your email").max(254),
    phoneArea: digits(3, PHONE_MESSAGE),
    phonePrefix: digits(3, PHONE_MESSAGE),
    phoneLine: digits(4, PHONE_MESSAGE),
    phoneExtension: z
      .string()
      .trim()
      .regex(/^\d{0,6}$/, "Extn must be at most 6 digits")
      .optional()
      .default(""),
    reason: z
      .string({ error: "Enter the reason for requesting access" })
      .trim()
      .min(1, "Enter the reason for requesting access")
      .max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`),
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
  reason: z.string().trim().max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`).optional().default(""),
});
export type DenyInput = z.input<typeof denySchema>;

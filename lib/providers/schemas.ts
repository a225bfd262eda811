import { z } from "zod";
import { normalizeTaxId, parseZip } from "@/lib/registry/identifiers";

/** Shared by the Associate Provider / Link Account forms and the server: one set of rules. Browser-safe. */

export const PROVIDER_TYPES = [
  { id: "practitioner", label: "Practitioner" },
  { id: "group", label: "Group" },
] as const;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => v ?? "");

const required = (message: string, max: number, label: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be at most ${max} characters`);

export const associateSchema = z
  .object({
    providerType: z.enum(["practitioner", "group"], { error: "Choose a Provider Type" }),
    firstName: text(100, "Practitioner's First Name"),
    lastName: text(100, "Practitioner's Last Name"),
    groupName: text(200, "Group Name"),
    taxId: required("Enter the Tax ID", 20, "Tax ID").refine((v) => normalizeTaxId(v) !== null, "Enter the Tax ID as 9 digits, like 12-3456789"),
    providerNumber: required("Enter the Provider ID/Billing Number", 30, "Provider ID/Billing Number").regex(
      /^[A-Za-z0-9-]+$/,
      "Enter the Provider ID/Billing Number as it appears on your Welcome Letter (letters and digits)",
    ),
    zip: required("Enter the ZIP Code", 10, "ZIP Code").refine((v) => parseZip(v) !== null, "Enter a 5-digit ZIP Code, or ZIP+4 like 43215-1234"),
  })
  .superRefine(
    (v, ctx) => {
      const missing = (x: unknown) => typeof x !== "string" || x.trim() === "";
      if (v.providerType === "group") {
        if (missing(v.groupName)) ctx.addIssue({ code: "custom", path: ["groupName"], message: "Enter the Group Name" });
      } else {
        // Practitioner, or no type chosen yet (the form shows the practitioner fields first).
        if (missing(v.firstName)) ctx.addIssue({ code: "custom", path: ["firstName"], message: "Enter the Practitioner's First Name" });
        if (missing(v.lastName)) ctx.addIssue({ code: "custom", path: ["lastName"], message: "Enter the Practitioner's Last Name" });
      }
    },
    // Name the missing names alongside any other bad field, not only once the rest is valid.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type AssociateInput = z.input<typeof associateSchema>;
export type AssociateValues = z.output<typeof associateSchema>;

export const agreementSchema = z.object({
  accept: z.boolean({ error: "Check the box to accept the Provider Agreement" }).refine((v) => v, "Check the box to accept the Provider Agreement"),
  agreementVersion: z.number({ error: "Reload the page to read the Provider Agreement" }).int().positive(),
});
export type AgreementInput = z.input<typeof agreementSchema>;

export const switchProviderSchema = z.object({ providerId: z.string().trim().min(1).max(64) });

import { z } from "zod";
import { checkboxField } from "@/lib/forms";
import { normalizeTaxId, parseZip } from "@/lib/registry/identifiers";
import { optionalTextField, textField } from "@/lib/text";
import { ACCEPT_AGREEMENT_MESSAGE } from "./messages";
export { PROVIDER_TYPES } from "./provider-types";

/** The server's rules for the Associate Provider / Link Account forms (the forms themselves load no zod). */

const text = (max: number, label: string) => optionalTextField({ name: label, max });

const required = (message: string, max: number, label: string) => textField({ name: label, max, required: message });

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

/** The agreement step, as a form posts it ("on", "3") or a script sends it (true, 3). */
export const agreementSchema = z.object({
  accept: checkboxField.refine((v) => v, ACCEPT_AGREEMENT_MESSAGE),
  agreementVersion: z.coerce.number({ error: "Reload the page to read the Provider Agreement" }).int().positive("Reload the page to read the Provider Agreement"),
});
export type AgreementInput = z.input<typeof agreementSchema>;

export const switchProviderSchema = z.object({ providerId: textField({ name: "Provider", max: 64, required: "Choose a linked account" }) });

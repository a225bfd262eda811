import { z } from "zod";
import { PERMISSION_IDS } from "@/lib/access/permissions";
import { textField } from "@/lib/text";

/** Shared by the Manage Users forms and lib/users: one set of rules. Browser-safe. */

export const ZIP_HINT = "ZIP code is typically the remittance address ZIP code. Try this first. If it doesn't work, try the practice address ZIP code.";
export const MAX_INVITES_PER_SEND = 20;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Unknown record");

export const roleAndPermissionsSchema = z.object({
  role: z.enum(["admin", "user"], { error: "Choose a Role" }),
  permissions: z.array(z.enum(PERMISSION_IDS, { error: "Unknown permission" })).max(PERMISSION_IDS.length).default([]),
});

export const editMembershipSchema = roleAndPermissionsSchema.extend({ membershipId: uuid });
export type EditMembershipInput = z.input<typeof editMembershipSchema>;

export const membershipIdSchema = z.object({ membershipId: uuid });
export const invitationIdSchema = z.object({ invitationId: uuid });

const requiredText = (label: string, max: number) => textField({ name: label, max, required: `Enter the ${label}` });

export const inviteRowSchema = roleAndPermissionsSchema.extend({
  email: requiredText("Email", 254)
    .email("Enter an email address like name@example.com")
    .transform((v) => v.toLowerCase()),
  firstName: requiredText("First Name", 100),
  lastName: requiredText("Last Name", 100),
  zip: requiredText("ZIP Code", 10).regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP Code, or ZIP+4 like 43215-1234"),
});
export type InviteRowInput = z.input<typeof inviteRowSchema>;
export type InviteRow = z.output<typeof inviteRowSchema>;

export const inviteBatchSchema = z.object({
  rows: z.array(z.unknown()).min(1, "Add at least one person to the list").max(MAX_INVITES_PER_SEND, `Send at most ${MAX_INVITES_PER_SEND} invitations at once`),
});

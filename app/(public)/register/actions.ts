"use server";

import { registerAccount } from "@/lib/auth/register";
import { defineAction } from "@/lib/next/action";
import { invitedEmail } from "@/lib/next/invitation-cookie";

/**
 * Create Account. Reached from an invitation (its cookie is set), the account is created for the
 * invited email whatever the form sent: the page shows that email fixed, and a changed field is
 * ignored rather than refused, so the invitation can always be completed.
 */
export const registerAction = defineAction(
  { name: "auth.register", guard: "public", echo: ["email", "firstName", "lastName", "securityQuestion"] },
  async (input, { svc, request }) => {
    const invited = await invitedEmail();
    const fields = typeof input === "object" && input !== null ? input : {};
    return registerAccount(svc, invited ? { ...fields, email: invited } : input, request);
  },
);

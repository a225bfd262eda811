"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/next/action";
import { acceptAgreement, associateProvider } from "@/lib/providers/association";

/**
 * Associate Provider and Link Account share both steps; the form says which flow it is in
 * (`flow`), which only picks the next page: the provider itself is matched and kept server-side.
 */
const STEP_2 = { associate: "/associate/agreement", link: "/accounts/link/agreement" } as const;
const DONE = { associate: "/home", link: "/accounts?linked=1" } as const;
const flowOf = (input: unknown): keyof typeof STEP_2 => ((input as { flow?: unknown } | null)?.flow === "link" ? "link" : "associate");

/** Step 1 of Associate Provider and Link Account (lib parses the form and limits failed attempts); a match goes on to the agreement. */
export const associateAction = defineAction(
  { name: "providers.associate", guard: "signedIn", echo: ["providerType", "firstName", "lastName", "groupName", "taxId", "providerNumber", "zip"] },
  async (input, { svc, user, request }) => {
    const result = await associateProvider(svc, user.id, input, request);
    if (result.ok) redirect(STEP_2[flowOf(input)]);
    return result;
  },
);

/** Step 2: the provider comes from the person's pending association on the server, never from the form. */
export const acceptAgreementAction = defineAction({ name: "providers.accept_agreement", guard: "signedIn" }, async (input, { svc, user, session, request }) => {
  const result = await acceptAgreement(svc, { userId: user.id, sessionId: session.id }, input, request);
  if (result.ok) redirect(DONE[flowOf(input)]);
  return result;
});

"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/next/action";
import { switchActiveProvider } from "@/lib/providers/linked-accounts";

/** The ribbon's switch: the membership is checked in lib; a provider id the person is not linked to is refused. */
export const switchProviderAction = defineAction({ name: "accounts.switch", guard: "signedIn" }, async (input, { svc, session, user, request }) => {
  const providerId = (input as { providerId?: unknown } | null)?.providerId;
  const result = await switchActiveProvider(svc, session.id, user.id, providerId, request);
  redirect(result.ok ? "/home?switched=1" : "/accounts?switch=refused");
});

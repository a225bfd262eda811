"use server";

import { appServices } from "@/lib/app-services";
import { currentRequestContext } from "@/lib/next/request";
import { requireSession } from "@/lib/next/session";
import { acceptAgreement, associateProvider, type AcceptResult, type AssociateResult } from "@/lib/providers/association";

/** Step 1 of Associate Provider and Link Account. */
export async function associateAction(input: unknown): Promise<AssociateResult> {
  const { user } = await requireSession();
  return associateProvider(await appServices(), user.id, input, await currentRequestContext());
}

/** Step 2: the provider comes from the person's pending association on the server, never from the form. */
export async function acceptAgreementAction(input: unknown): Promise<AcceptResult> {
  const { user, session } = await requireSession();
  return acceptAgreement(await appServices(), { userId: user.id, sessionId: session.id }, input, await currentRequestContext());
}

"use server";

import { redirect } from "next/navigation";
import { appServices } from "@/lib/app-services";
import { currentRequestContext } from "@/lib/next/request";
import { requireSession } from "@/lib/next/session";
import { switchActiveProvider } from "@/lib/providers/linked-accounts";

/** The ribbon's switch: the membership is checked in lib; a provider id the person is not linked to is refused. */
export async function switchProviderAction(formData: FormData): Promise<void> {
  const { user, session } = await requireSession();
  const result = await switchActiveProvider(await appServices(), session.id, user.id, formData.get("providerId"), await currentRequestContext());
  redirect(result.ok ? "/home?switched=1" : "/accounts?switch=refused");
}

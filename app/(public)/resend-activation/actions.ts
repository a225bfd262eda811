"use server";

import { appServices } from "@/lib/app-services";
import { resendActivation } from "@/lib/auth/activation";
import { currentRequestContext } from "@/lib/next/request";

export async function resendActivationAction(input: { email: string }) {
  return resendActivation(await appServices(), input, await currentRequestContext());
}

"use server";

import { appServices } from "@/lib/app-services";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { currentRequestContext } from "@/lib/next/request";

export async function forgotPasswordAction(input: { email: string }) {
  return requestPasswordReset(await appServices(), input, await currentRequestContext());
}

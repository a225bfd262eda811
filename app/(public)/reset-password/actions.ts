"use server";

import { appServices } from "@/lib/app-services";
import { resetPassword, type ResetResult } from "@/lib/auth/password-reset";
import { currentRequestContext } from "@/lib/next/request";

export async function resetPasswordAction(input: unknown): Promise<ResetResult> {
  return resetPassword(await appServices(), input, await currentRequestContext());
}

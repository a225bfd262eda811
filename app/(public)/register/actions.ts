"use server";

import { appServices } from "@/lib/app-services";
import { registerAccount, type RegisterResult } from "@/lib/auth/register";
import { currentRequestContext } from "@/lib/next/request";

export async function registerAction(input: unknown): Promise<RegisterResult> {
  return registerAccount(await appServices(), input, await currentRequestContext());
}

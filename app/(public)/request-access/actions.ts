"use server";

import { appServices } from "@/lib/app-services";
import { currentRequestContext } from "@/lib/next/request";
import { submitAccessRequest, type SubmitResult } from "@/lib/requests/submit";

export async function submitAccessRequestAction(input: unknown): Promise<SubmitResult> {
  return submitAccessRequest(await appServices(), input, await currentRequestContext());
}

"use server";

import { defineAction } from "@/lib/next/action";
import { submitAccessRequest } from "@/lib/requests/submit";

const TYPED = ["program", "state", "npi", "providerId", "providerName", "firstName", "lastName", "positionTitle", "email", "confirmEmail"] as const;
const PHONE = ["phoneArea", "phonePrefix", "phoneLine", "phoneExtension"] as const;

export const submitAccessRequestAction = defineAction({ name: "requests.submit", guard: "public", echo: [...TYPED, ...PHONE, "reason"] }, async (input, { svc, request }) =>
  submitAccessRequest(svc, input, request),
);

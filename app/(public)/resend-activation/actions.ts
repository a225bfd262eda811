"use server";

import { resendActivation } from "@/lib/auth/activation";
import { defineAction } from "@/lib/next/action";

export const resendActivationAction = defineAction({ name: "auth.resend_activation", guard: "public", echo: ["email"] }, async (input, { svc, request, defer }) =>
  resendActivation(svc, input, request, defer),
);

"use server";

import { requestPasswordReset } from "@/lib/auth/password-reset";
import { defineAction } from "@/lib/next/action";

export const forgotPasswordAction = defineAction({ name: "auth.forgot_password", guard: "public", echo: ["email"] }, async (input, { svc, request, defer }) =>
  requestPasswordReset(svc, input, request, defer),
);

"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/auth/password-reset";
import { defineAction } from "@/lib/next/action";

/** A new password from the emailed link; done, the person signs in with it. */
export const resetPasswordAction = defineAction({ name: "auth.reset_password", guard: "public" }, async (input, { svc, request }) => {
  const result = await resetPassword(svc, input, request);
  if (result.ok) redirect("/login?reset=1");
  return result;
});

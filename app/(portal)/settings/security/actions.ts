"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword, changeSecurityQuestion, endOwnSession, reverifyWithPassword, signOutEverywhere } from "@/lib/auth/account-settings";
import { regenerateRecoveryCodes, removeFactor } from "@/lib/mfa/manage";
import { revokeTrustedDevice } from "@/lib/mfa/trusted-devices";
import { defineAction } from "@/lib/next/action";
import { dropSessionCookies } from "@/lib/next/session";

// Every change here needs a password (or code) from the last 10 minutes (guard recentlyVerified);
// otherwise the action answers { reverify: true } and the page asks for the password again.

const id = z.string().max(64);

export const reverifyAction = defineAction({ name: "settings.reverify", guard: "signedIn" }, async (input, { svc, session, user, request }) =>
  reverifyWithPassword(svc, session, user, input, request),
);

export const removeFactorAction = defineAction({ name: "settings.remove_factor", guard: "recentlyVerified", schema: z.object({ factorId: id }) }, async (input, { svc, user, request }) =>
  removeFactor(svc, user, input.factorId, request),
);

export const regenerateRecoveryCodesAction = defineAction({ name: "settings.regenerate_recovery_codes", guard: "recentlyVerified" }, async (_input, { svc, user, request }) => ({
  ok: true as const,
  codes: await regenerateRecoveryCodes(svc, user, request),
}));

export const changePasswordAction = defineAction({ name: "settings.change_password", guard: "recentlyVerified" }, async (input, { svc, session, user, request }) =>
  changePassword(svc, session, user, input, request),
);

export const changeSecurityQuestionAction = defineAction({ name: "settings.change_security_question", guard: "recentlyVerified", echo: ["securityQuestion"] }, async (input, { svc, user, request }) =>
  changeSecurityQuestion(svc, user, input, request),
);

export const revokeDeviceAction = defineAction({ name: "settings.revoke_device", guard: "recentlyVerified", schema: z.object({ deviceId: id }) }, async (input, { svc, user }) => ({
  ok: await revokeTrustedDevice(svc.db, user.id, input.deviceId, svc.clock),
}));

export const endSessionAction = defineAction({ name: "settings.end_session", guard: "recentlyVerified", schema: z.object({ sessionId: id }) }, async (input, { svc, user, request }) => ({
  ok: await endOwnSession(svc, user, input.sessionId, request),
}));

/** Ends this session too, so it goes on to the sign-in page (with or without JavaScript). */
export const signOutEverywhereAction = defineAction({ name: "settings.sign_out_everywhere", guard: "recentlyVerified" }, async (_input, { svc, user, request }) => {
  await signOutEverywhere(svc, user, request);
  await dropSessionCookies();
  redirect("/login?signedOut=1");
});

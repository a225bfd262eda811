"use server";

import { appServices } from "@/lib/app-services";
import {
  changePassword,
  changeSecurityQuestion,
  endOwnSession,
  needsReverification,
  reverifyWithPassword,
  signOutEverywhere,
} from "@/lib/auth/account-settings";
import { regenerateRecoveryCodes, removeFactor } from "@/lib/mfa/manage";
import { revokeTrustedDevice } from "@/lib/mfa/trusted-devices";
import { currentRequestContext } from "@/lib/next/request";
import { requireSession } from "@/lib/next/session";

/** Every change here first needs a password (or code) from the last 10 minutes. */
async function verifiedContext() {
  const active = await requireSession();
  const svc = await appServices();
  const ctx = await currentRequestContext();
  return { ...active, svc, ctx, stale: needsReverification(active.session, svc.clock.now()) };
}

const REVERIFY = { ok: false as const, reverify: true as const };

export async function reverifyAction(input: { password: string }) {
  const { session, user, svc, ctx } = await verifiedContext();
  return reverifyWithPassword(svc, session, user, input, ctx);
}

export async function removeFactorAction(factorId: string) {
  const { user, svc, ctx, stale } = await verifiedContext();
  if (stale) return REVERIFY;
  return removeFactor(svc, user, factorId, ctx);
}

export async function regenerateRecoveryCodesAction() {
  const { user, svc, ctx, stale } = await verifiedContext();
  if (stale) return REVERIFY;
  return { ok: true as const, codes: await regenerateRecoveryCodes(svc, user, ctx) };
}

export async function changePasswordAction(input: unknown) {
  const { session, user, svc, ctx, stale } = await verifiedContext();
  if (stale) return REVERIFY;
  return changePassword(svc, session, user, input, ctx);
}

export async function changeSecurityQuestionAction(input: unknown) {
  const { user, svc, ctx, stale } = await verifiedContext();
  if (stale) return REVERIFY;
  return changeSecurityQuestion(svc, user, input, ctx);
}

export async function revokeDeviceAction(deviceId: string) {
  const { user, svc, stale } = await verifiedContext();
  if (stale) return REVERIFY;
  return { ok: await revokeTrustedDevice(svc.db, user.id, deviceId, svc.clock) };
}

export async function endSessionAction(sessionId: string) {
  const { user, svc, ctx, stale } = await verifiedContext();
  if (stale) return REVERIFY;
  return { ok: await endOwnSession(svc, user, sessionId, ctx) };
}

export async function signOutEverywhereAction() {
  const { user, svc, ctx, stale } = await verifiedContext();
  if (stale) return REVERIFY;
  await signOutEverywhere(svc, user, ctx);
  return { ok: true as const };
}

import { and, eq, inArray, or } from "drizzle-orm";
import {
  accessRequests,
  invitations,
  messageNoticeSettings,
  messageParticipants,
  messages,
  messageThreads,
  mfaFactors,
  outbox,
  providerAgreements,
  providerMemberships,
  providers,
  recoveryCodes,
  sessions,
  trustedDevices,
  users,
} from "@/db/schema";
import { createSession } from "@/lib/auth/sessions";
import { createInvitation } from "@/lib/invitations/create";
import { startThread } from "@/lib/messages/deliver";
import { encryptSecret } from "@/lib/mfa/crypto";
import { replaceRecoveryCodes } from "@/lib/mfa/recovery";
import { newTotpSecret } from "@/lib/mfa/totp";
import { trustDevice } from "@/lib/mfa/trusted-devices";
import { demoRegistryCsv } from "@/lib/registry/demo";
import { importRegistry } from "@/lib/registry/import";
import type { Services } from "@/lib/services";
import { CTX } from "@/tests/services";

/** The people the security suite calls every entry point as. */
export const PRINCIPALS = ["anonymous", "passwordOnly", "adminOfOther", "userWithoutPermission", "revokedUser"] as const;
export type Principal = (typeof PRINCIPALS)[number];

/**
 * Provider A (Mary Ann Smith) and what belongs to it: its administrator Alice (MFA-verified, an
 * authenticator, a trusted device, recovery codes), its user Bob, a pending access request and a
 * pending invitation. Provider B (John Doe) is administered by another person. The principals:
 * - anonymous: no session;
 * - passwordOnly: knows a password, has an authenticator enrolled, has not passed MFA;
 * - adminOfOther: administrator of B, fully signed in and recently re-verified;
 * - userWithoutPermission: a User of A with no permission at all;
 * - revokedUser: was an administrator of A until revoked.
 */
export interface World {
  providerA: string;
  providerB: string;
  zipA: string;
  alice: { userId: string; email: string; sessionId: string; factorId: string; deviceId: string };
  bob: { userId: string; email: string; membershipId: string };
  requestId: string;
  requestEmail: string;
  invitationId: string;
  invitationToken: string;
  invitationEmail: string;
  /** A Message Box thread of provider A between Alice and Bob. */
  threadId: string;
  sessions: Record<Exclude<Principal, "anonymous">, string>;
  /** Strings that only provider A's members may ever see. */
  secrets: string[];
}

let n = 0;

export async function buildWorld(svc: Services): Promise<World> {
  const db = svc.db;
  const now = svc.clock.now();
  await db.insert(providerAgreements).values({ version: 1, title: "Provider Agreement", body: "Agreement text for tests." }).onConflictDoNothing();
  await importRegistry(db, (async function* () {
    yield demoRegistryCsv();
  })());
  const providerA = (await db.select().from(providers).where(eq(providers.providerNumber, "100200300")))[0]!.id;
  const providerB = (await db.select().from(providers).where(eq(providers.providerNumber, "100200301")))[0]!.id;

  async function person(label: string) {
    n++;
    const email = `${label}.${n}@matrix.example`;
    const [u] = await db
      .insert(users)
      .values({ email, passwordHash: "not-a-hash", firstName: label, lastName: `Person${n}`, securityQuestion: "q", securityAnswerHash: "x", activatedAt: now })
      .returning();
    return { userId: u!.id, email };
  }
  async function session(userId: string, opts: { verified: boolean; activeProviderId?: string }) {
    const s = await createSession(db, userId, CTX, svc.clock);
    await db
      .update(sessions)
      .set({ mfaVerifiedAt: opts.verified ? now : null, activeProviderId: opts.activeProviderId ?? null })
      .where(eq(sessions.id, s.id));
    return s.id;
  }
  async function totp(userId: string) {
    const [f] = await db
      .insert(mfaFactors)
      .values({ userId, type: "totp", secretEncrypted: encryptSecret(newTotpSecret(), svc.mfaKeyHex), confirmedAt: now, createdAt: now })
      .returning();
    return f!.id;
  }
  async function member(userId: string, providerId: string, role: "admin" | "user", status: "active" | "revoked" = "active", permissions: string[] = []) {
    const [m] = await db.insert(providerMemberships).values({ providerId, userId, role, permissions, status, source: "association" }).returning();
    return m!.id;
  }

  const alice = await person("alice");
  await member(alice.userId, providerA, "admin");
  const aliceSession = await session(alice.userId, { verified: true, activeProviderId: providerA });
  const aliceFactor = await totp(alice.userId);
  await replaceRecoveryCodes(db, alice.userId, now);
  await trustDevice(db, alice.userId, CTX, svc.clock);
  const [device] = await db.select().from(trustedDevices).where(eq(trustedDevices.userId, alice.userId));

  const bob = await person("bob");
  const bobMembership = await member(bob.userId, providerA, "user", "active", ["claims_view", "message_box"]);
  const threadSubject = `Matrix thread ${n} subject`;
  const threadId = await startThread(db, {
    providerId: providerA,
    subject: threadSubject,
    notificationKind: null,
    senderUserId: alice.userId,
    senderName: "alice",
    body: `Matrix thread ${n} body`,
    recipientIds: [bob.userId],
    at: now,
  });

  const requestEmail = `requester.${n}@matrix.example`;
  const [request] = await db
    .insert(accessRequests)
    .values({
      providerId: providerA,
      program: "medicare",
      firstName: "Rosa",
      lastName: "Diaz",
      positionTitle: "Billing",
      email: requestEmail,
      phone: "6145550100",
      reason: "Claims",
      createdAt: now,
    })
    .returning();

  const invitationEmail = `invitee.${n}@matrix.example`;
  const { invitation, token } = await createInvitation(svc, db, {
    providerId: providerA,
    providerName: "Mary Ann Smith",
    email: invitationEmail,
    firstName: "Ivy",
    lastName: "Invitee",
    role: "user",
    permissions: ["claims_view"],
    invitedByUserId: alice.userId,
    accessRequestId: null,
  });

  const passwordOnly = await person("passwordonly");
  await totp(passwordOnly.userId);
  const adminOfOther = await person("otheradmin");
  await member(adminOfOther.userId, providerB, "admin");
  const plainUser = await person("plainuser");
  await member(plainUser.userId, providerA, "user", "active", []);
  const revoked = await person("revoked");
  await member(revoked.userId, providerA, "admin", "revoked");

  return {
    providerA,
    providerB,
    zipA: "43215",
    alice: { ...alice, sessionId: aliceSession, factorId: aliceFactor, deviceId: device!.id },
    bob: { ...bob, membershipId: bobMembership },
    requestId: request!.id,
    requestEmail,
    invitationId: invitation.id,
    invitationToken: token,
    invitationEmail,
    threadId,
    sessions: {
      passwordOnly: await session(passwordOnly.userId, { verified: false }),
      adminOfOther: await session(adminOfOther.userId, { verified: true, activeProviderId: providerB }),
      userWithoutPermission: await session(plainUser.userId, { verified: true, activeProviderId: providerA }),
      revokedUser: await session(revoked.userId, { verified: true, activeProviderId: providerA }),
    },
    secrets: [alice.email, bob.email, requestEmail, invitationEmail, threadSubject],
  };
}

/** Everything of provider A and of Alice and Bob that no principal may change. */
export async function victimSnapshot(svc: Services, w: World): Promise<string> {
  const db = svc.db;
  const people = [w.alice.userId, w.bob.userId];
  const rows = {
    memberships: await db.select().from(providerMemberships).where(eq(providerMemberships.providerId, w.providerA)).orderBy(providerMemberships.id),
    requests: await db.select().from(accessRequests).where(eq(accessRequests.providerId, w.providerA)).orderBy(accessRequests.id),
    invitations: await db.select().from(invitations).where(eq(invitations.providerId, w.providerA)).orderBy(invitations.id),
    users: await db.select().from(users).where(inArray(users.id, people)).orderBy(users.id),
    factors: await db.select().from(mfaFactors).where(inArray(mfaFactors.userId, people)).orderBy(mfaFactors.id),
    recoveryCodes: await db.select().from(recoveryCodes).where(inArray(recoveryCodes.userId, people)).orderBy(recoveryCodes.id),
    devices: await db.select().from(trustedDevices).where(inArray(trustedDevices.userId, people)).orderBy(trustedDevices.id),
    sessions: await db.select().from(sessions).where(inArray(sessions.userId, people)).orderBy(sessions.id),
    threads: await db.select().from(messageThreads).where(eq(messageThreads.providerId, w.providerA)).orderBy(messageThreads.id),
    messages: await db.select({ m: messages }).from(messages).innerJoin(messageThreads, eq(messageThreads.id, messages.threadId)).where(eq(messageThreads.providerId, w.providerA)).orderBy(messages.id),
    boxes: await db.select().from(messageParticipants).where(eq(messageParticipants.providerId, w.providerA)).orderBy(messageParticipants.threadId, messageParticipants.userId),
    noticeSettings: await db.select().from(messageNoticeSettings).where(inArray(messageNoticeSettings.userId, people)).orderBy(messageNoticeSettings.userId),
    mail: await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(or(inArray(outbox.recipient, w.secrets), and(eq(outbox.channel, "sms"))))
      .orderBy(outbox.id),
  };
  return JSON.stringify(rows);
}

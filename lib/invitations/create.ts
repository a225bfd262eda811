import { invitations, type Invitation } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Permission, Role } from "@/lib/access/permissions";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { DAY } from "@/lib/clock";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Services } from "@/lib/services";
import { invitationEmail } from "./emails";

export const INVITATION_TTL_MS = 7 * DAY;

export interface NewInvitation {
  providerId: string;
  providerName: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  permissions: Permission[];
  invitedByUserId: string | null;
  /** Set when an approved access request is what invites the person. */
  accessRequestId?: string | null;
}

/**
 * Creates an invitation and queues its email, inside the caller's transaction. The link carries
 * a random token stored only as a hash; it works once, for 7 days, and only for an account whose
 * email is the invited one (see accept.ts). Authorization is the caller's job.
 */
export async function createInvitation(svc: Services, db: Db, input: NewInvitation): Promise<{ invitation: Invitation; token: string }> {
  const now = svc.clock.now();
  const token = generateToken();
  const [invitation] = await db
    .insert(invitations)
    .values({
      providerId: input.providerId,
      email: input.email.trim().toLowerCase(),
      firstName: input.firstName,
      lastName: input.lastName,
      role: input.role,
      permissions: input.role === "admin" ? [] : input.permissions,
      tokenHash: hashToken(token),
      accessRequestId: input.accessRequestId ?? null,
      invitedByUserId: input.invitedByUserId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      createdAt: now,
    })
    .returning();
  await enqueueEmail(db, {
    to: invitation!.email,
    ...invitationEmail(svc.mail, { firstName: input.firstName, providerName: input.providerName, token, fromAccessRequest: !!input.accessRequestId }),
  });
  return { invitation: invitation!, token };
}

import { desc, eq } from "drizzle-orm";
import { outbox, sessions, users } from "@/db/schema";
import { activateAccount } from "@/lib/auth/activation";
import { registerAccount } from "@/lib/auth/register";
import { signIn } from "@/lib/auth/sign-in";
import type { Services } from "@/lib/services";
import { CTX, tokenFrom } from "./services";

export const TEST_PASSWORD = "Blue-Harbor-42x";

/** Registers, activates and signs in a person through the lib functions; returns the user and session. */
export async function signedInUser(svc: Services, email: string, device: { trustedDeviceToken?: string } = {}) {
  await registerAccount(svc, { email, password: TEST_PASSWORD, firstName: "Test", lastName: "Person", securityQuestion: "What city were you born in?", securityAnswer: "Akron" }, CTX);
  const [mail] = await svc.db.select().from(outbox).where(eq(outbox.recipient, email)).orderBy(desc(outbox.createdAt)).limit(1);
  if (mail?.template === "activation") await activateAccount(svc, tokenFrom(mail.bodyText), CTX);
  return signInAgain(svc, email, device);
}

export async function signInAgain(svc: Services, email: string, device: { trustedDeviceToken?: string } = {}) {
  const result = await signIn(svc, { email, password: TEST_PASSWORD }, CTX, device);
  if (!result.ok) throw new Error(`sign-in failed: ${result.code}`);
  const [user] = await svc.db.select().from(users).where(eq(users.email, email));
  const [session] = await svc.db.select().from(sessions).where(eq(sessions.id, result.sessionId));
  return { user: user!, session: session!, mfaPassed: result.mfaPassed };
}

/** The 6-digit code in the newest message to `to`. */
export async function latestCode(svc: Services, to: string): Promise<string> {
  const [m] = await svc.db.select().from(outbox).where(eq(outbox.recipient, to)).orderBy(desc(outbox.createdAt)).limit(1);
  const code = /\b(\d{6})\b/.exec(m?.bodyText ?? "")?.[1];
  if (!code) throw new Error(`no code in the newest message to ${to}`);
  return code;
}

import type { Db } from "@/db/client";
import type { MailContext } from "@/lib/auth/emails";
import type { Clock } from "@/lib/clock";

/** What lib functions need from the outside world; tests build one over a test database. */
export interface Services {
  db: Db;
  clock: Clock;
  mail: MailContext;
  /** AES-256-GCM key (64 hex characters) for MFA secrets at rest. */
  mfaKeyHex: string;
}

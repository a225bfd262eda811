import type { Db } from "@/db/client";
import type { MailContext } from "@/lib/auth/emails";
import type { Clock } from "@/lib/clock";

/**
 * Runs work after the response has been sent (Next's after()), so its duration is not part of
 * what the caller can measure; tests collect the tasks and await them.
 */
export type Defer = (task: () => Promise<unknown>) => void;

/** What lib functions need from the outside world; tests build one over a test database. */
export interface Services {
  db: Db;
  clock: Clock;
  mail: MailContext;
  /** AES-256-GCM key (64 hex characters) for MFA secrets at rest. */
  mfaKeyHex: string;
}

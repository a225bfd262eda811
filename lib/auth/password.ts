import { hash, verify } from "@node-rs/argon2";

/** DESIGN.md: argon2id, m=19456 KiB, t=2, p=1 (OWASP's recommended minimum). */
export const ARGON2_PARAMS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under isolatedModules) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(plain: string): Promise<string> {
  return hash(plain, ARGON2_PARAMS);
}

export async function verifySecret(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than ARGON2_PARAMS: rehash on sign-in. */
export function needsRehash(stored: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!m) return true;
  return Number(m[1]) !== ARGON2_PARAMS.memoryCost || Number(m[2]) !== ARGON2_PARAMS.timeCost || Number(m[3]) !== ARGON2_PARAMS.parallelism;
}

let dummy: Promise<string> | undefined;
/**
 * Spends the same argon2 work as checking a real password, for unknown emails, so the response
 * time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummy ??= hashSecret("dummy password for timing equalisation");
  await verifySecret(await dummy, plain);
  return false;
}

/** Security answers are compared ignoring case and spacing. */
export function normalizeSecurityAnswer(answer: string): string {
  return answer.trim().replace(/\s+/g, " ").toLowerCase();
}

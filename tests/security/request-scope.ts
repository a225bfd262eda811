import { validateSession } from "@/lib/auth/sessions";
import type { Services } from "@/lib/services";

/**
 * What the real request would carry, for calling server actions and route handlers in-process:
 * the services, the session cookie's session id, headers and cookies. The security tests mock
 * lib/app-services, lib/next/session, next/headers and next/server's after() onto this.
 */
export const scope = {
  svc: null as Services | null,
  sessionId: null as string | null,
  headers: new Headers({ "x-forwarded-for": "198.51.100.10", "user-agent": "vitest-security" }),
  cookies: new Map<string, string>(),
  deferred: [] as Promise<unknown>[],
};

export async function guardInputFromScope() {
  const svc = scope.svc!;
  const current = scope.sessionId ? await validateSession(svc.db, scope.sessionId, svc.clock) : null;
  return { current, hadSessionCookie: scope.sessionId !== null };
}

export const cookieJar = {
  get: (name: string) => (scope.cookies.has(name) ? { name, value: scope.cookies.get(name)! } : undefined),
  set: (name: string, value: string) => void scope.cookies.set(name, value),
  delete: (name: string) => void scope.cookies.delete(name),
  has: (name: string) => scope.cookies.has(name),
  getAll: () => [...scope.cookies].map(([name, value]) => ({ name, value })),
};

/** Waits for the work actions deferred until after their answer. */
export async function settleDeferred(): Promise<void> {
  while (scope.deferred.length) await Promise.all(scope.deferred.splice(0));
}

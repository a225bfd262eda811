import { vi } from "vitest";

/**
 * Imported first by the security tests: server actions and route handlers then run in-process,
 * as Next would run them, with the request's services, session, headers and cookies taken from
 * `scope` (request-scope.ts), and work deferred with after() collected there.
 */
vi.mock("@/lib/app-services", async () => {
  const { scope } = await import("./request-scope");
  return { appServices: async () => scope.svc! };
});
vi.mock("@/lib/next/session", async () => {
  const s = await import("./request-scope");
  return {
    SESSION_COOKIES: ["next-auth.session-token"],
    currentGuardInput: s.guardInputFromScope,
    getCurrentSession: async () => (await s.guardInputFromScope()).current,
    cookieSessionId: async () => s.scope.sessionId,
    dropSessionCookies: async () => void s.cookieJar.delete("next-auth.session-token"),
  };
});
vi.mock("next/headers", async () => {
  const s = await import("./request-scope");
  return { cookies: async () => s.cookieJar, headers: async () => s.scope.headers };
});
vi.mock("next/server", async (importOriginal) => {
  const s = await import("./request-scope");
  return { ...(await importOriginal<object>()), after: (task: () => unknown) => void s.scope.deferred.push(Promise.resolve().then(task)) };
});


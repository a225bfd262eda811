import fs from "node:fs";
import path from "node:path";
import "./mock-next";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GUARDS } from "@/lib/access/guards";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { testServices } from "@/tests/services";
import { loadEntryPoints, type EntryPoint } from "./entry-points";
import { scope, settleDeferred } from "./request-scope";
import { buildWorld, PRINCIPALS, victimSnapshot, type Principal, type World } from "./world";

/**
 * THE AUTHORIZATION MATRIX. Every server action and route handler in app/ needs a row here: the
 * test below fails on an entry point without one. A row says what the entry point is about and
 * gives it input aimed at someone else's data (provider A's request, Alice's factor, ...):
 * - provider: acts on a provider's data. Every principal is refused, and A's data is unchanged.
 * - self: acts on the caller's own account. Signed-out and password-only callers are refused
 *   (except the listed `allowed` principals, for the MFA steps); the others may succeed on their
 *   own account, and A's and Alice's data is unchanged.
 * - public: anyone may call it (Create Account, Forgot password...). Covered by the fuzz test.
 * - cron: only with the cron secret; every principal gets 401.
 */
type Row =
  | { scope: "provider" | "self"; input: (w: World) => unknown; allowed?: Principal[]; refusedAnswer?: (value: unknown) => boolean }
  | { scope: "public" }
  | { scope: "cron"; input: (w: World) => unknown };

const SIGNED_IN: Principal[] = ["adminOfOther", "userWithoutPermission", "revokedUser"];
const get = (url: string) => () => new Request(`http://portal.test${url}`);

const MATRIX: Record<string, Row> = {
  // Public entry points: the fuzz test sends them malformed input.
  "auth.register": { scope: "public" },
  "auth.forgot_password": { scope: "public" },
  "auth.resend_activation": { scope: "public" },
  "auth.reset_password": { scope: "public" },
  "auth.activate": { scope: "public" },
  "auth.nextauth": { scope: "public" },
  // Ends the session the caller's own cookie names, whatever its state (the MFA pages offer it too).
  "auth.sign_out": { scope: "public" },
  "requests.submit": { scope: "public" },
  "support.send_message": { scope: "public" },
  "invitations.continue": { scope: "public" },
  "providers.search": { scope: "public" },
  health: { scope: "public" },

  "cron.cleanup": { scope: "cron", input: get("/api/cron/cleanup") },

  // Multifactor enrollment: only a first sign-in without any factor, or a recently re-verified session.
  "mfa.enroll.start": { scope: "self", input: () => ({ method: "email" }), allowed: SIGNED_IN },
  "mfa.enroll.resend_code": { scope: "self", input: (w) => ({ factorId: w.alice.factorId }) },
  "mfa.enroll.confirm": { scope: "self", input: (w) => ({ factorId: w.alice.factorId, code: "123456" }) },
  // The sign-in challenge, with Alice's factor: nobody passes it with someone else's factor.
  "mfa.challenge.send_code": { scope: "self", input: (w) => ({ factorId: w.alice.factorId }) },
  "mfa.challenge.verify": { scope: "self", input: (w) => ({ method: "factor", factorId: w.alice.factorId, code: "123456", trustDevice: "on" }) },

  // Security settings: the caller's own account; Alice's ids change nothing.
  "settings.reverify": { scope: "self", input: () => ({ password: "not the password" }) },
  "settings.remove_factor": { scope: "self", input: (w) => ({ factorId: w.alice.factorId }) },
  "settings.regenerate_recovery_codes": { scope: "self", input: () => undefined, allowed: SIGNED_IN },
  "settings.change_password": { scope: "self", input: () => ({ currentPassword: "wrong", password: "Another-Pass-123!", confirmPassword: "Another-Pass-123!" }) },
  "settings.change_security_question": { scope: "self", input: () => ({ securityQuestion: "What city were you born in?", securityAnswer: "Akron" }), allowed: SIGNED_IN },
  "settings.revoke_device": { scope: "self", input: (w) => ({ deviceId: w.alice.deviceId }) },
  "settings.end_session": { scope: "self", input: (w) => ({ sessionId: w.alice.sessionId }) },
  "settings.sign_out_everywhere": { scope: "self", input: () => undefined, allowed: SIGNED_IN },

  "session.stay_signed_in": { scope: "self", input: () => undefined, allowed: SIGNED_IN },

  // Provider A's data, by id.
  "accounts.switch": { scope: "provider", input: (w) => ({ providerId: w.providerA }) },
  "providers.associate": {
    scope: "provider",
    input: () => ({ providerType: "practitioner", firstName: "Mary Ann", lastName: "Smith", taxId: "31-1234567", providerNumber: "100200300", zip: "43215" }),
  },
  "providers.accept_agreement": { scope: "provider", input: () => ({ accept: "on", agreementVersion: "1", flow: "link" }) },
  "invitations.accept": { scope: "provider", input: (w) => ({ token: w.invitationToken, accept: "on", agreementVersion: "1" }) },
  "users.edit_role": { scope: "provider", input: (w) => ({ membershipId: w.bob.membershipId, role: "admin", permissions: [] }) },
  "users.make_admin": { scope: "provider", input: (w) => ({ membershipId: w.bob.membershipId }) },
  "users.revoke": { scope: "provider", input: (w) => ({ membershipId: w.bob.membershipId }) },
  "users.restore": { scope: "provider", input: (w) => ({ membershipId: w.bob.membershipId }) },
  "users.invite": {
    scope: "provider",
    input: (w) => ({ rows: [{ email: "intruder@matrix.example", firstName: "In", lastName: "Truder", zip: w.zipA, role: "admin", permissions: [] }] }),
    // The batch is answered row by row: every row must be refused.
    refusedAnswer: (v) => ((v as { results?: { ok: boolean }[] }).results ?? [{ ok: true }]).every((r) => !r.ok),
  },
  // Provider A's ZIP, checked as the caller's own provider: refused (wrong ZIP) for everyone, and it writes nothing.
  "users.check_invite_row": { scope: "provider", input: (w) => ({ email: "intruder@matrix.example", firstName: "In", lastName: "Truder", zip: w.zipA, role: "user", permissions: [] }) },
  "users.resend_invitation": { scope: "provider", input: (w) => ({ invitationId: w.invitationId }) },
  "users.cancel_invitation": { scope: "provider", input: (w) => ({ invitationId: w.invitationId }) },
  "requests.approve": { scope: "provider", input: (w) => ({ requestId: w.requestId, decision: { role: "admin", permissions: [] } }) },
  "requests.deny": { scope: "provider", input: (w) => ({ requestId: w.requestId, decision: { reason: "no" } }) },
  // Message Box: provider A's thread between Alice and Bob, and A's members as recipients.
  "messages.compose": { scope: "provider", input: (w) => ({ to: [w.alice.userId, w.bob.userId], subject: "Intrusion", body: "From outside" }) },
  "messages.reply": { scope: "provider", input: (w) => ({ threadId: w.threadId, body: "From outside" }) },
  "messages.set_state": { scope: "provider", input: (w) => ({ threadId: w.threadId, state: "archived" }) },
  // The caller's own email setting: the administrator of B may change theirs (for B's Message Box); it touches nobody else.
  "messages.notice_setting": { scope: "self", input: () => ({ emailNotice: "" }), allowed: ["adminOfOther"] },
};

/** Next's redirect() and notFound() throw errors whose digest says what they are. */
function navigation(err: unknown): Outcome | null {
  const digest = (err as { digest?: unknown })?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", to: digest.split(";")[2]! };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "not_found" };
  return null;
}

type Outcome = { kind: "redirect"; to: string } | { kind: "not_found" } | { kind: "refused"; value: unknown } | { kind: "ok"; value: unknown } | { kind: "status"; status: number };

async function call(ep: EntryPoint, input: unknown): Promise<Outcome> {
  try {
    const result = ep.meta!.kind === "route" ? await ep.fn(input, { params: Promise.resolve({ nextauth: ["session"] }) }) : await ep.fn(input);
    await settleDeferred();
    if (result instanceof Response) return { kind: "status", status: result.status };
    const ok = (result as { ok?: unknown } | undefined)?.ok;
    return ok === false ? { kind: "refused", value: result } : { kind: "ok", value: result };
  } catch (err) {
    const nav = navigation(err);
    if (nav) return nav;
    throw err;
  }
}

const refused = (o: Outcome) => o.kind !== "ok" && !(o.kind === "status" && o.status < 400);

let t: TestDb;
let entryPoints: EntryPoint[];
beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "n".repeat(40));
  vi.stubEnv("CRON_SECRET", "c".repeat(40));
  vi.stubEnv("MFA_ENCRYPTION_KEY", "1f".repeat(32));
  t = await createTestDb();
  entryPoints = await loadEntryPoints();
}, 120_000);
afterAll(() => t.destroy());

describe("the entry-point registry", () => {
  it("every exported server action and route handler declares its guard through the shared wrapper", () => {
    const undeclared = entryPoints.filter((e) => !e.meta).map((e) => `${e.file}: ${e.exportName}`);
    expect(undeclared).toEqual([]);
    for (const e of entryPoints) expect([...GUARDS, "cron"]).toContain(e.meta!.guard);
  });

  it("every entry point has a row in the authorization matrix, and every row an entry point", () => {
    const names = new Set(entryPoints.map((e) => e.meta!.name));
    expect([...names].filter((n) => !(n in MATRIX)).sort()).toEqual([]);
    expect(Object.keys(MATRIX).filter((n) => !names.has(n)).sort()).toEqual([]);
  });

  it("public rows are exactly the public guards, provider rows are guarded by a provider or session guard", () => {
    for (const e of entryPoints) {
      const row = MATRIX[e.meta!.name]!;
      if (row.scope === "public") expect(e.meta!.guard, e.meta!.name).toBe("public");
      else expect(e.meta!.guard, e.meta!.name).not.toBe("public");
      if (row.scope === "cron") expect(e.meta!.guard).toBe("cron");
    }
  });
});

describe("the authorization matrix: every cell refused, nobody else's data changed", () => {
  let svc: ReturnType<typeof testServices>;
  let world: World;
  beforeEach(async () => {
    await t.reset();
    svc = testServices(t);
    scope.svc = svc;
    scope.cookies.clear();
    world = await buildWorld(svc);
  });

  const names = Object.entries(MATRIX).filter((entry): entry is [string, Exclude<Row, { scope: "public" }>] => entry[1].scope !== "public");
  it.each(names)("%s", async (name, row) => {
    const eps = entryPoints.filter((e) => e.meta!.name === name);
    expect(eps.length).toBeGreaterThan(0);
    for (const ep of eps) {
      for (const who of PRINCIPALS) {
        scope.sessionId = who === "anonymous" ? null : world.sessions[who];
        const before = await victimSnapshot(svc, world);
        const outcome = await call(ep, row.input(world));
        const cell = `${name} (${ep.exportName}) as ${who}: ${JSON.stringify(outcome)}`;
        expect(await victimSnapshot(svc, world), cell).toBe(before);

        if (row.scope === "cron") {
          expect(outcome, cell).toEqual({ kind: "status", status: 401 });
          continue;
        }
        if (who === "anonymous") expect(outcome, cell).toEqual({ kind: "redirect", to: "/login" });
        else if (row.scope === "provider") expect(refused(outcome) || (outcome.kind === "ok" && !!row.refusedAnswer?.(outcome.value)), cell).toBe(true);
        else if (!(row.allowed ?? []).includes(who) && who !== "passwordOnly") expect(refused(outcome), cell).toBe(true);

        // Password-only: only the sign-in challenge is open to it, never enrollment (finding 1).
        if (who === "passwordOnly") {
          if (name.startsWith("mfa.challenge.")) expect(outcome.kind, cell).toBe("refused");
          else expect(outcome, cell).toEqual({ kind: "redirect", to: "/mfa" });
        }
      }
    }
  });
});

describe("provider-scoped pages: refused, or showing nothing of provider A", () => {
  let svc: ReturnType<typeof testServices>;
  let world: World;
  beforeAll(async () => {
    await t.reset();
    svc = testServices(t);
    scope.svc = svc;
    world = await buildWorld(svc);
  });

  const pageFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pageFiles(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.join(dir, e.name)] : []));
  const pages = pageFiles(path.resolve("app/(portal)")).map((f) => path.relative(process.cwd(), f));

  it.each(pages)("%s", async (file) => {
    const Page = ((await import(/* @vite-ignore */ path.resolve(file))) as { default: (props: unknown) => Promise<unknown> }).default;
    for (const who of PRINCIPALS) {
      scope.sessionId = who === "anonymous" ? null : world.sessions[who];
      let outcome: Outcome;
      try {
        // Provider A's ids in the address too: the dialogs a page opens from it (?edit=, ?approve=, ?confirm=&id=) must not reach them.
        const search = { edit: world.bob.membershipId, approve: world.requestId, deny: world.requestId, confirm: "revoke", id: world.bob.membershipId, invite: "1" };
        const element = await Page({ searchParams: Promise.resolve(search), params: Promise.resolve({ threadId: world.threadId }) });
        const rendered = JSON.stringify(element, (_k, v) => (typeof v === "function" || typeof v === "symbol" ? undefined : v)) ?? "";
        for (const secret of world.secrets) expect(rendered, `${file} as ${who} shows ${secret}`).not.toContain(secret);
        outcome = { kind: "ok", value: null };
      } catch (err) {
        const nav = navigation(err);
        if (!nav) throw err;
        outcome = nav;
      }
      const cell = `${file} as ${who}: ${JSON.stringify(outcome)}`;
      if (who === "anonymous") expect(outcome, cell).toEqual({ kind: "redirect", to: "/login" });
      if (who === "passwordOnly") expect(outcome, cell).toEqual({ kind: "redirect", to: "/mfa" });
      if (who === "revokedUser" && !/associate|settings/.test(file)) expect(outcome, cell).toEqual({ kind: "redirect", to: "/associate" });
      if (who === "userWithoutPermission" && /\/(users|messages)/.test(file)) expect(outcome, cell).toEqual({ kind: "not_found" });
      // Provider A's thread, opened from provider B: not found.
      if (who === "adminOfOther" && file.includes("[threadId]")) expect(outcome, cell).toEqual({ kind: "not_found" });
    }
  });
});

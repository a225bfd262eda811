import "./mock-next";
import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accessRequests, invitations, mfaFactors, outbox, providerMemberships, sessions, userTokens, users } from "@/db/schema";
import { testServices } from "@/tests/services";
import { createTestDb, type TestDb } from "@/tests/test-db";
import { loadEntryPoints, type EntryPoint } from "./entry-points";
import { scope, settleDeferred } from "./request-scope";
import { buildWorld } from "./world";

/**
 * Malformed input, generated, against every public server action and every route handler: no
 * answer may be a server error (a thrown error or a 5xx), and an answer that is not a success
 * leaves every table as it was (no half-saved record). At least 1,000 inputs in all.
 */

const RUNS_PER_ENTRY_POINT = 120;
const DOMAIN_TABLES: Record<string, PgTable> = { users, userTokens, sessions, mfaFactors, providerMemberships, accessRequests, invitations, outbox };

/** Strings people and attackers send: empty, huge, control characters, NUL, unicode, injection. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\u202e", "'; drop table users; --", "%00", "../../etc/passwd", "<script>alert(1)</script>", "__proto__", "constructor"),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.emailAddress(),
  fc.integer().map(String),
);
/** Values of any type a JSON or FormData body can carry, and some it cannot. */
const anyValue = fc.oneof(nasty, fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }), fc.constant(null), fc.constant(undefined), fc.array(nasty, { maxLength: 5 }));

/**
 * An object with the entry point's field names and hostile values; a valid input with one field
 * replaced by a hostile value (so the bad value travels as deep as a good one would, where a NUL
 * byte once reached the database); or anything at all.
 */
function inputFor(fields: string[], valid?: () => Record<string, unknown>) {
  const shaped = fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] });
  const oneBadField = valid
    ? fc.tuple(fc.constantFrom(...fields), anyValue).map(([field, value]) => ({ ...valid(), [field]: value }))
    : shaped;
  const asForm = shaped.map((o) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(o)) form.append(k, typeof v === "string" ? v : JSON.stringify(v) ?? "");
    return form;
  });
  return fc.oneof(shaped, oneBadField, oneBadField, asForm, anyValue, fc.dictionary(nasty, anyValue, { maxKeys: 6 }));
}

const FIELDS: Record<string, string[]> = {
  "auth.register": ["email", "password", "firstName", "lastName", "securityQuestion", "securityAnswer"],
  "auth.forgot_password": ["email"],
  "auth.resend_activation": ["email"],
  "auth.reset_password": ["token", "password", "confirmPassword"],
  "requests.submit": [
    "program", "state", "npi", "providerId", "providerName", "firstName", "lastName", "positionTitle", "email", "confirmEmail",
    "phoneArea", "phonePrefix", "phoneLine", "phoneExtension", "reason", "website",
  ],
  "support.send_message": ["name", "email", "phone", "topic", "message", "website"],
  // Sign out reads no fields; whatever the body holds, it ends the cookie's session (if any) and redirects.
  "auth.sign_out": [],
};

let unique = 0;
/** Valid inputs to start from (provider A, in the world, has an administrator). */
const VALID: Record<string, () => Record<string, unknown>> = {
  "auth.register": () => ({
    email: `fuzz${++unique}@fuzz.example`,
    password: "Blue-Harbor-42x",
    firstName: "Fuzz",
    lastName: "Tester",
    securityQuestion: "What city were you born in?",
    securityAnswer: "Akron",
  }),
  "requests.submit": () => ({
    program: "medicare",
    npi: "1234567893",
    firstName: "Rosa",
    lastName: "Diaz",
    positionTitle: "Billing",
    email: `req${++unique}@fuzz.example`,
    confirmEmail: `req${unique}@fuzz.example`,
    phoneArea: "614",
    phonePrefix: "555",
    phoneLine: "0100",
    reason: "Claims",
  }),
  "auth.forgot_password": () => ({ email: `someone${++unique}@fuzz.example` }),
  "support.send_message": () => ({ name: "Rosa Diaz", email: `writer${++unique}@fuzz.example`, topic: "other", message: "Hello" }),
  "auth.resend_activation": () => ({ email: `someone${++unique}@fuzz.example` }),
};

/** Query strings and headers for the route handlers. */
const ROUTE_REQUESTS: Record<string, fc.Arbitrary<Request>> = {
  "auth.activate": nasty.map((token) => new Request(`http://portal.test/activate?token=${encodeURIComponent(token)}`)),
  "invitations.continue": fc.tuple(nasty, nasty).map(([token, to]) => new Request(`http://portal.test/invitations/continue?token=${encodeURIComponent(token)}&to=${encodeURIComponent(to)}`)),
  "providers.search": nasty.map((q) => new Request(`http://portal.test/api/providers/search?q=${encodeURIComponent(q)}`)),
  "cron.cleanup": nasty.map((auth) => new Request("http://portal.test/api/cron/cleanup", { method: "POST", headers: { authorization: `Bearer ${auth.replace(/[^\x20-\x7e]/g, "")}` } })),
  health: fc.constant(new Request("http://portal.test/api/health")),
};

let t: TestDb;
let entryPoints: EntryPoint[];
let total = 0;
beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "n".repeat(40));
  vi.stubEnv("CRON_SECRET", "c".repeat(40));
  vi.stubEnv("MFA_ENCRYPTION_KEY", "1f".repeat(32));
  t = await createTestDb();
  const svc = testServices(t);
  scope.svc = svc;
  scope.sessionId = null;
  await buildWorld(svc);
  entryPoints = await loadEntryPoints();
}, 120_000);
afterAll(async () => {
  await t.destroy();
  // The floor: at least 1,000 generated inputs in all.
  expect(total).toBeGreaterThanOrEqual(1000);
});

async function tableCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(DOMAIN_TABLES)) out[name] = (await t.db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

let ipCounter = 0;
async function run(ep: EntryPoint, input: unknown): Promise<{ status: number; ok: boolean }> {
  // A different address each time, so the per-address limits do not hide the deeper code paths.
  ipCounter++;
  scope.headers.set("x-forwarded-for", `198.18.${(ipCounter >> 8) & 255}.${ipCounter & 255}`);
  try {
    const result = await ep.fn(input, { params: Promise.resolve({}) });
    await settleDeferred();
    if (result instanceof Response) return { status: result.status, ok: result.status < 400 };
    return { status: 200, ok: (result as { ok?: boolean })?.ok === true };
  } catch (err) {
    const digest = (err as { digest?: unknown })?.digest;
    // A redirect is an answer (303/307), not a failure.
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { status: 303, ok: true };
    return { status: 500, ok: false };
  }
}

describe("fuzz: malformed input never gets a server error or a half-saved record", () => {
  it.each(Object.keys(FIELDS))("public action %s", async (name) => {
    const eps = entryPoints.filter((e) => e.meta?.name === name);
    expect(eps).toHaveLength(1);
    await fc.assert(
      fc.asyncProperty(inputFor(FIELDS[name]!, VALID[name]), async (input) => {
        const before = await tableCounts();
        const answer = await run(eps[0]!, input);
        total++;
        expect(answer.status).toBeLessThan(500);
        if (!answer.ok) expect(await tableCounts()).toEqual(before);
      }),
      { numRuns: RUNS_PER_ENTRY_POINT },
    );
  });

  it.each(Object.keys(ROUTE_REQUESTS))("route %s", async (name) => {
    const eps = entryPoints.filter((e) => e.meta?.name === name);
    expect(eps.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(ROUTE_REQUESTS[name]!, async (request) => {
        for (const ep of eps) {
          const before = await tableCounts();
          const answer = await run(ep, request.clone());
          total++;
          expect(answer.status).toBeLessThan(500);
          if (name === "cron.cleanup") expect(answer.status).toBe(401);
          if (!answer.ok) expect(await tableCounts()).toEqual(before);
        }
      }),
      { numRuns: RUNS_PER_ENTRY_POINT },
    );
  });

  it("every public action and route handler is fuzzed (a new one needs its generator)", () => {
    // next-auth's own endpoints need the framework around them: e2e/security.spec.ts sends them malformed input over HTTP.
    const fuzzed = new Set([...Object.keys(FIELDS), ...Object.keys(ROUTE_REQUESTS), "auth.nextauth"]);
    const publicOnes = entryPoints.filter((e) => e.meta && (e.meta.guard === "public" || e.meta.kind === "route")).map((e) => e.meta!.name);
    expect([...new Set(publicOnes)].filter((n) => !fuzzed.has(n))).toEqual([]);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { developmentSecrets, EnvError, parseEnv } from "./env";

const secrets = {
  NEXTAUTH_SECRET: "n".repeat(32),
  CRON_SECRET: "c".repeat(32),
  MFA_ENCRYPTION_KEY: "ab".repeat(32),
};

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof EnvError) return e.issues;
    throw e;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("production needs DATABASE_URL and every secret, naming each missing variable", () => {
    const issues = issuesOf(() => parseEnv({}, { production: true }));
    expect(issues.join("\n")).toMatch(/NEXTAUTH_SECRET/);
    expect(issues.join("\n")).toMatch(/CRON_SECRET/);
    expect(issues.join("\n")).toMatch(/MFA_ENCRYPTION_KEY/);
    expect(issuesOf(() => parseEnv({ ...secrets }, { production: true }))).toEqual([
      "DATABASE_URL is required in production (embedded PGlite is for development only)",
    ]);
  });

  it("names a malformed variable", () => {
    expect(issuesOf(() => parseEnv({ ...secrets, DATABASE_URL: "mysql://x" }, { production: true }))[0]).toMatch(/^DATABASE_URL must be a postgres/);
    expect(issuesOf(() => parseEnv({ ...secrets, MFA_ENCRYPTION_KEY: "short" }, { production: false }))[0]).toMatch(/^MFA_ENCRYPTION_KEY must be 64 hex/);
    expect(issuesOf(() => parseEnv({ ...secrets, APP_URL: "not a url" }, { production: false }))[0]).toMatch(/^APP_URL/);
    expect(issuesOf(() => parseEnv({ ...secrets, RESEND_API_KEY: "re_123" }, { production: false }))).toEqual(["MAIL_FROM is required when RESEND_API_KEY is set"]);
  });

  it("PORTAL_TIME_ZONE defaults to America/New_York and must be a zone Intl knows", () => {
    expect(parseEnv({ ...secrets }, { production: false }).PORTAL_TIME_ZONE).toBe("America/New_York");
    expect(parseEnv({ ...secrets, PORTAL_TIME_ZONE: "" }, { production: false }).PORTAL_TIME_ZONE).toBe("America/New_York");
    expect(parseEnv({ ...secrets, PORTAL_TIME_ZONE: "America/Chicago" }, { production: false }).PORTAL_TIME_ZONE).toBe("America/Chicago");
    expect(issuesOf(() => parseEnv({ ...secrets, PORTAL_TIME_ZONE: "Eastern Time" }, { production: false }))).toEqual([
      "PORTAL_TIME_ZONE must be an IANA time zone name such as America/New_York or America/Chicago",
    ]);
    expect(issuesOf(() => parseEnv({ ...secrets, PORTAL_TIME_ZONE: "America/Nowhere" }, { production: false }))[0]).toMatch(/^PORTAL_TIME_ZONE must be an IANA time zone/);
  });

  it("accepts a complete production configuration", () => {
    const e = parseEnv({ ...secrets, DATABASE_URL: "postgres://u@db:5432/portal", APP_URL: "https://portal.example.org" }, { production: true });
    expect(e).toMatchObject({ isProduction: true, APP_URL: "https://portal.example.org", SUPPORT_PHONE: "1-866-449-6848" });
  });

  it("development fills missing secrets from the generated file, keeping ones that are set", () => {
    const e = parseEnv({ CRON_SECRET: "x".repeat(40), DATABASE_URL: "" }, { production: false, devSecrets: () => secrets });
    expect(e.CRON_SECRET).toBe("x".repeat(40));
    expect(e.NEXTAUTH_SECRET).toBe(secrets.NEXTAUTH_SECRET);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DIR).toBe(".data/pglite");
  });

  it("developmentSecrets generates once and then reuses the file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-env-"));
    const rel = path.relative(process.cwd(), dir);
    const first = developmentSecrets(rel);
    const second = developmentSecrets(rel);
    expect(second).toEqual(first);
    expect(first.MFA_ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(() => parseEnv({}, { production: false, devSecrets: () => first })).not.toThrow();
    fs.rmSync(dir, { recursive: true });
  });
});

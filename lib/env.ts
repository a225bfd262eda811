import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseRateSetting } from "@/lib/rate-limit/config";
import { RATE_RULES } from "@/lib/rate-limit/catalog";
import { DEFAULT_TIME_ZONE, isTimeZone } from "./time-format";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection string");
const secret = z.string().min(32, "must be at least 32 characters");
const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes)");
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  PGLITE_DIR: z.string().default(".data/pglite"),
  APP_URL: z.url({ message: "must be an absolute URL such as https://portal.example.org" }).default("http://localhost:3000"),
  NEXTAUTH_SECRET: secret,
  CRON_SECRET: secret,
  MFA_ENCRYPTION_KEY: hexKey,
  RESEND_API_KEY: z.preprocess(emptyAsUndefined, z.string().startsWith("re_", "must start with re_").optional()),
  MAIL_FROM: z.string().min(3).default("Provider Portal <no-reply@provider-portal.localhost>"),
  TWILIO_ACCOUNT_SID: z.preprocess(emptyAsUndefined, z.string().optional()),
  TWILIO_AUTH_TOKEN: z.preprocess(emptyAsUndefined, z.string().optional()),
  TWILIO_FROM_NUMBER: z.preprocess(emptyAsUndefined, z.string().optional()),
  PORTAL_NAME: z.string().min(1).default("Provider Portal"),
  SUPPORT_PHONE: z.string().min(7).default("1-866-449-6848"),
  /** The support desk's inbox: the sign-in page's Send Message delivers there. */
  SUPPORT_EMAIL: z.email({ message: "must be an email address" }).default("support@provider-portal.localhost"),
  /** Proxies in front of the portal that append to X-Forwarded-For (lib/request-context.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(10, "must be at most 10").default(1),
  /** The plan's time zone: every time the portal shows is in it (lib/time-format). */
  PORTAL_TIME_ZONE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine(isTimeZone, "must be an IANA time zone name such as America/New_York or America/Chicago")
      .default(DEFAULT_TIME_ZONE),
  ),
});

export type Env = z.infer<typeof envSchema> & { isProduction: boolean };

/** Secrets that development generates once (under .data/) when they are not set. */
const GENERATED_IN_DEVELOPMENT = ["NEXTAUTH_SECRET", "CRON_SECRET", "MFA_ENCRYPTION_KEY"] as const;

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration: ${issues.join("; ")}`);
  }
}

/**
 * Parses configuration. In production every secret and DATABASE_URL must be set; elsewhere the
 * missing secrets come from `devSecrets` (see developmentSecrets()).
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  options: { production: boolean; devSecrets?: () => Record<string, string> },
): Env {
  const input: Record<string, string | undefined> = { ...source };
  if (!options.production && options.devSecrets) {
    const missing = GENERATED_IN_DEVELOPMENT.filter((k) => !input[k]);
    if (missing.length) {
      const generated = options.devSecrets();
      for (const k of missing) input[k] = generated[k];
    }
  }
  const result = envSchema.safeParse(input);
  const issues: string[] = result.success
    ? []
    : result.error.issues.map((i) => `${String(i.path[0])} ${i.code === "invalid_type" ? "is required" : i.message}`);
  if (result.success && options.production && !result.data.DATABASE_URL) {
    issues.push("DATABASE_URL is required in production (embedded PGlite is for development only)");
  }
  for (const rule of RATE_RULES) {
    const setting = rule.env ? source[rule.env] : undefined;
    if (setting && !parseRateSetting(setting)) issues.push(`${rule.env} must be LIMIT/WINDOW, such as 30/15m (s, m, h or d)`);
  }
  if (result.success && result.data.RESEND_API_KEY && !source.MAIL_FROM) {
    issues.push("MAIL_FROM is required when RESEND_API_KEY is set");
  }
  if (issues.length || !result.success) throw new EnvError(issues);
  return { ...result.data, isProduction: options.production };
}

/** Reads (or creates once) .data/secrets.json so `npm run dev` needs no setup. */
export function developmentSecrets(dir = ".data"): Record<string, string> {
  const file = path.join(process.cwd(), dir, "secrets.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    const secrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      CRON_SECRET: randomBytes(32).toString("base64url"),
      MFA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}

let cached: Env | undefined;

/** The process configuration, parsed once. */
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env, {
      production: process.env.NODE_ENV === "production",
      devSecrets: () => developmentSecrets(),
    });
  }
  return cached;
}

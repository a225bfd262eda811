import { randomBytes } from "node:crypto";
import pino from "pino";
import { scrub } from "./scrub";

export { scrub } from "./scrub";

/**
 * Keys whose values are secrets or personal data: their values are replaced wherever they appear
 * (top level or one object down), so a log call that passes a user or a form by mistake still
 * prints nothing of it.
 */
const SENSITIVE_KEYS = [
  "password", "currentPassword", "confirmPassword", "passwordHash", "securityAnswer", "securityAnswerHash",
  "token", "tokenHash", "codeHash", "secret", "secretEncrypted", "recoveryCodes",
  "email", "recipient", "phone", "firstName", "lastName", "ip", "userAgent", "authorization", "cookie",
  "params", "detail",
];
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`]);

/** A short id that ties what a person sees on an error page to the log line that explains it. */
export function newReference(): string {
  return randomBytes(6).toString("hex");
}

/** What an error may say in a log: its kind, SQLSTATE code, scrubbed message and reference, never its query values. */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: scrub(String(err)) };
  const e = err as Error & { code?: unknown; digest?: unknown; cause?: unknown };
  const out: Record<string, unknown> = { type: e.name, message: scrub(e.message) };
  if (typeof e.code === "string") out.code = e.code;
  if (typeof e.digest === "string") out.ref = e.digest;
  if (e.cause instanceof Error) {
    const c = e.cause as Error & { code?: unknown };
    out.cause = { type: c.name, message: scrub(c.message), ...(typeof c.code === "string" ? { code: c.code } : {}) };
  }
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  if (frames.length) out.stack = scrub(frames.slice(0, 8).join("\n"));
  return out;
}

/**
 * The one logger: JSON lines on stdout, sensitive keys redacted, errors reduced by safeError.
 * Anything printed through console.* is routed here too (see routeConsoleToLogger).
 */
export function createLogger(destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: "provider-portal" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: safeError, error: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

const ROUTED = Symbol.for("provider-portal.console-routed");

/**
 * Frameworks and libraries print with console.* (Next.js logs a failed action's error, whose
 * message holds the query's values). Route every console call through the logger, scrubbed.
 */
export function routeConsoleToLogger(): void {
  const c = console as Console & { [ROUTED]?: boolean };
  if (c[ROUTED]) return;
  c[ROUTED] = true;
  const write = (level: "info" | "warn" | "error") => (...args: unknown[]) => {
    const err = args.find((a): a is Error => a instanceof Error);
    const text = args
      .filter((a) => a !== err)
      .map((a) => (typeof a === "string" ? a : a instanceof Error ? "" : safeJson(a)))
      .join(" ")
      .trim();
    // pino would take an error's own message as the line's message: always pass a scrubbed one.
    const msg = scrub(text || (err ? err.message : ""));
    if (err) logger[level]({ err }, msg);
    else logger[level](msg);
  };
  console.log = write("info");
  console.info = write("info");
  console.warn = write("warn");
  console.error = write("error");
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

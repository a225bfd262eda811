import { after } from "next/server";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { checkGuard, type GuardContext, type GuardName, type Refusal } from "@/lib/access/guards";
import type { Permission } from "@/lib/access/permissions";
import { appServices } from "@/lib/app-services";
import type { RequestContext } from "@/lib/audit";
import { fieldErrorsOf } from "@/lib/forms";
import { logger, newReference } from "@/lib/log";
import type { Services } from "@/lib/services";
import { env } from "@/lib/env";
import { safeRedirect } from "@/lib/safe-redirect";
import { refusalRedirect } from "./refusals";
import { currentRequestContext, postedWithoutScript } from "./request";
import { currentGuardInput } from "./session";

/**
 * Every server action is declared through defineAction: its guard once, its input schema, and a
 * handler that receives what the guard resolved. Nothing else resolves a session or a provider
 * by hand (the security test found an action whose guard said less than its page).
 *
 *   export const revokeUserAction = defineAction(
 *     { name: "users.revoke", guard: "providerAdmin", schema: membershipIdSchema },
 *     async ({ membershipId }, { svc, user, provider, request }) => revokeUser(...),
 *   );
 *
 * The action accepts its input as one value, as FormData (a <form action>), or as
 * (previousState, FormData) from useActionState, so one action serves forms with and without
 * JavaScript. A form posted without JavaScript may carry `returnTo` (a local path) to go there
 * after success instead of rendering the page it posted from again. Refusals: no session → sign in, second factor pending → /mfa, no provider →
 * /associate (redirects); not allowed → { ok: false, reason: "forbidden" }; password needed again
 * → { ok: false, reason: "reverify", reverify: true }; bad input → { ok: false, reason: "invalid",
 * fieldErrors }. An unexpected error is logged with a reference id and rethrown without its text.
 */
export interface ActionSpec<G extends GuardName, S extends z.ZodType | undefined> {
  /** A stable name for logs and the authorization matrix, e.g. "users.revoke". */
  name: string;
  guard: G;
  /** For providerMember: the permission the action needs (administrators hold them all). */
  permission?: Permission;
  schema?: S;
  /**
   * Form fields to hand back with the answer as `values` (typed text, never passwords or codes),
   * so a form posted without JavaScript is rendered again with what the person typed.
   */
  echo?: readonly string[];
}

export type ActionContext<G extends GuardName> = GuardContext<G> & {
  svc: Services;
  request: RequestContext;
  /** Work to run after the response is sent (its time is not the caller's to measure). */
  defer(task: () => Promise<unknown>): void;
};

export type ActionRefused = { ok: false; reason: "forbidden" } | { ok: false; reason: "reverify"; reverify: true };
export type ActionInvalid = { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };

export const ACTION_META = Symbol.for("provider-portal.action");
export interface ActionMeta {
  kind: "action" | "route";
  name: string;
  guard: GuardName | "cron";
  permission?: Permission;
}

type Input<S> = S extends z.ZodType ? z.output<S> : unknown;
/** What the action answers: the handler's result, plus a refusal only when the guard can refuse and "invalid" only when there is a schema. */
export type ActionResult<G extends GuardName, S, R> = R | RefusalResult<G> | (S extends z.ZodType ? ActionInvalid : never);
type RefusalResult<G extends GuardName> = G extends "recentlyVerified" | "mfaEnrollment"
  ? Extract<ActionRefused, { reason: "reverify" }>
  : G extends "mfaPending" | "providerMember" | "providerAdmin"
    ? Extract<ActionRefused, { reason: "forbidden" }>
    : never;

export function defineAction<G extends GuardName, R, S extends z.ZodType | undefined = undefined>(
  spec: ActionSpec<G, S>,
  handler: (input: Input<S>, ctx: ActionContext<G>) => Promise<R>,
) {
  const action = async (...args: unknown[]): Promise<ActionResult<G, S, R>> => {
    try {
      const svc = await appServices();
      const guardInput = spec.guard === "public" ? { current: null, hadSessionCookie: false } : await currentGuardInput();
      const decision = await checkGuard(svc, spec.guard, guardInput, spec.permission);
      if (!decision.ok) return refusedAction(decision.refusal) as ActionResult<G, S, R>;
      const raw: unknown = inputOf(args);
      const answer = <T>(result: T): T => (spec.echo ? withValues(result, raw, spec.echo) : result);
      let input = raw;
      if (spec.schema) {
        const parsed = spec.schema.safeParse(input);
        if (!parsed.success) return answer({ ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) }) as ActionResult<G, S, R>;
        input = parsed.data;
      }
      const ctx = { ...decision.context, svc, request: await currentRequestContext(), defer: deferTask(spec.name) } as ActionContext<G>;
      const result = answer(await handler(input as Input<S>, ctx));
      await returnAfterPlainPost(raw, result);
      return result;
    } catch (err) {
      throw unexpected(err, spec.name);
    }
  };
  return Object.assign(action, { [ACTION_META]: { kind: "action", name: spec.name, guard: spec.guard, permission: spec.permission } satisfies ActionMeta });
}

/**
 * POST/redirect/GET for a form posted without JavaScript that carries `returnTo` (a local path):
 * once it succeeded, the browser goes there, so the address it posted from (which may ask for
 * the dialog the form sat in) is not posted to again. With JavaScript the answer goes back as is.
 */
export async function returnAfterPlainPost(raw: unknown, result: unknown): Promise<void> {
  const returnTo = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).returnTo : undefined;
  if (typeof returnTo !== "string" || (result as { ok?: unknown } | null)?.ok !== true) return;
  if (await postedWithoutScript()) redirect(safeRedirect(returnTo, env().APP_URL));
}

function refusedAction(refusal: Refusal): ActionRefused {
  if (refusal === "forbidden") return { ok: false, reason: "forbidden" };
  if (refusal === "reverify") return { ok: false, reason: "reverify", reverify: true };
  return refusalRedirect(refusal);
}

/** Next's redirect/notFound pass through; anything else is logged with a reference and replaced by a bare error. */
export function unexpected(err: unknown, name: string): unknown {
  unstable_rethrow(err);
  const ref = typeof (err as { digest?: unknown })?.digest === "string" ? (err as { digest: string }).digest : newReference();
  logger.error({ err, ref, entry: name }, `${name} failed`);
  return Object.assign(new Error(`Internal error (reference ${ref})`), { digest: ref });
}

/** `after()` with the failure logged: deferred work has no caller to tell. */
export function deferTask(name: string) {
  return (task: () => Promise<unknown>) =>
    after(async () => {
      try {
        await task();
      } catch (err) {
        logger.error({ err, ref: newReference(), entry: name }, `${name}: deferred work failed`);
      }
    });
}

const ECHO_MAX = 2000;

/** The answer with `values`: the listed fields of the raw input that are text, cut to a sane length. */
export function withValues<T>(result: T, input: unknown, fields: readonly string[]): T {
  if (typeof result !== "object" || result === null || Array.isArray(result) || typeof input !== "object" || input === null) return result;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value === "string") values[field] = value.slice(0, ECHO_MAX);
  }
  return { ...result, values };
}

/** The action's input: a FormData (form post or useActionState) as an object, or the first argument as is. */
export function inputOf(args: unknown[]): unknown {
  const form = args.find((a): a is FormData => typeof FormData !== "undefined" && a instanceof FormData);
  return form ? formDataToObject(form) : args[0];
}

/**
 * FormData → plain object. Repeated names (checkbox groups) become arrays, as do names ending in
 * "[]"; Next's own "$ACTION_…" fields and uploaded files are dropped.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [rawKey, value] of form.entries()) {
    if (rawKey.startsWith("$ACTION") || typeof value !== "string") continue;
    const list = rawKey.endsWith("[]");
    const key = list ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (existing === undefined) out[key] = list ? [value] : value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { ...out };
}

import { checkGuard, type GuardContext, type GuardName } from "@/lib/access/guards";
import { appServices } from "@/lib/app-services";
import type { RequestContext } from "@/lib/audit";
import { env } from "@/lib/env";
import { logger, newReference } from "@/lib/log";
import { isAuthorizedCron } from "@/lib/requests/cleanup";
import { requestContextFrom } from "@/lib/request-context";
import type { Services } from "@/lib/services";
import { ACTION_META, deferTask, type ActionMeta } from "./action";
import { currentGuardInput } from "./session";

/**
 * Every route handler is declared through defineRoute, with its guard once (the guards of
 * lib/access/guards.ts, plus "cron": `Authorization: Bearer $CRON_SECRET`). A refused call gets
 * 401 (no session, wrong secret) or 404 (not allowed); an unexpected error is logged with a
 * reference id and answered 500 with that reference and nothing else.
 */
export type RouteGuard = GuardName | "cron";

export type RouteContext<G extends RouteGuard> = (G extends GuardName ? GuardContext<G> : Record<never, never>) & {
  svc: Services;
  request: RequestContext;
  defer(task: () => Promise<unknown>): void;
};

const NO_STORE = { "cache-control": "no-store" };

export function defineRoute<G extends RouteGuard, P = unknown>(
  spec: { name: string; guard: G },
  handler: (req: Request, ctx: RouteContext<G>, params: P) => Promise<Response>,
) {
  const route = async (req: Request, params: P): Promise<Response> => {
    try {
      const svc = await appServices();
      let context: object = {};
      if (spec.guard === "cron") {
        if (!isAuthorizedCron(req.headers.get("authorization"), env().CRON_SECRET)) {
          return Response.json({ error: "unauthorized" }, { status: 401, headers: { ...NO_STORE, "www-authenticate": "Bearer" } });
        }
      } else if (spec.guard !== "public") {
        const decision = await checkGuard(svc, spec.guard as GuardName, await currentGuardInput());
        if (!decision.ok) {
          const signedOut = decision.refusal === "signed_out" || decision.refusal === "session_ended";
          return Response.json({ error: signedOut ? "unauthorized" : "not_found" }, { status: signedOut ? 401 : 404, headers: NO_STORE });
        }
        context = decision.context;
      }
      const request = requestContextFrom((n) => req.headers.get(n));
      return await handler(req, { ...context, svc, request, defer: deferTask(spec.name) } as RouteContext<G>, params);
    } catch (err) {
      const ref = newReference();
      logger.error({ err, ref, entry: spec.name }, `${spec.name} failed`);
      return Response.json({ error: "internal", ref }, { status: 500, headers: NO_STORE });
    }
  };
  return Object.assign(route, { [ACTION_META]: { kind: "route", name: spec.name, guard: spec.guard } satisfies ActionMeta });
}

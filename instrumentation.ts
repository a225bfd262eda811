import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { routeConsoleToLogger } = await import("./lib/log");
  routeConsoleToLogger();
  const { startServer } = await import("./lib/startup");
  await startServer();
}

/** Every error a page, action or route throws: one scrubbed log line with the reference the error page shows. */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log");
  const ref = (err as { digest?: string }).digest;
  logger.error({ err, ref, path: request.path.split("?")[0], method: request.method, route: context.routePath, kind: context.routeType }, "request failed");
};

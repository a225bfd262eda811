import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { csrfCookieName, csrfCookieOptions, csrfTokenFromCookie, newCsrfCookieValue } from "@/lib/next/sign-in-form";
import { ACTION_BODY_LIMIT_BYTES, contentSecurityPolicy, newNonce } from "@/lib/security-headers";

/**
 * Runs before every page and action (Next 16's proxy, formerly middleware):
 * - a per-response CSP nonce, passed to the render through the request's CSP header (Next puts it
 *   on its own scripts) and sent to the browser;
 * - a server action whose body is too large or not the shape the framework sends is answered
 *   413/400 here, before the framework would answer 500;
 * - /login gets next-auth's CSRF cookie when it has no valid one, so the sign-in form can post
 *   to next-auth without JavaScript (lib/next/sign-in-form.ts); the page sees the new cookie too.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = await refuseMalformedAction(request);
    if (refused) return refused;
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const csrf = request.method === "GET" && request.nextUrl.pathname === "/login" ? missingSignInCsrfCookie(request) : null;
  if (csrf) headers.set("cookie", withCookie(request.headers.get("cookie"), csrf.name, csrf.value));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (csrf) response.cookies.set(csrf.name, csrf.value, csrfCookieOptions());
  return response;
}

/** A Cookie header with `name` set to `value` (any earlier value of it dropped). */
function withCookie(header: string | null, name: string, value: string): string {
  const others = (header ?? "").split(";").map((c) => c.trim()).filter((c) => c && c.split("=")[0] !== name);
  return [...others, `${name}=${value}`].join("; ");
}

/** A new CSRF cookie for the sign-in form, unless the request already carries a valid one. */
function missingSignInCsrfCookie(request: NextRequest): { name: string; value: string } | null {
  const name = csrfCookieName();
  const secret = env().NEXTAUTH_SECRET;
  if (csrfTokenFromCookie(request.cookies.get(name)?.value, secret)) return null;
  return { name, value: newCsrfCookieValue(secret) };
}

async function refuseMalformedAction(request: NextRequest): Promise<Response | null> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > ACTION_BODY_LIMIT_BYTES) return Response.json({ error: "payload_too_large" }, { status: 413 });
  const type = request.headers.get("content-type") ?? "";
  // JavaScript calls send the arguments as JSON text (React's encodeReply); forms send multipart.
  if (type.startsWith("text/plain")) {
    const body = await request.clone().text();
    if (body.length > ACTION_BODY_LIMIT_BYTES) return Response.json({ error: "payload_too_large" }, { status: 413 });
    try {
      const parsed: unknown = JSON.parse(body);
      if (!Array.isArray(parsed)) throw new Error("not an argument list");
    } catch {
      return Response.json({ error: "bad_request" }, { status: 400 });
    }
  } else if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) {
    return Response.json({ error: "unsupported_media_type" }, { status: 415 });
  }
  return null;
}

// Pages and their server actions only: API routes render no scripts and take no server actions.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};

/**
 * Where a `next` or callback parameter may send a person after signing in: a path on this portal
 * and nowhere else. The target is decoded (repeatedly, as browsers and routers may) and refused
 * when any form of it holds a backslash, a control or space character, or starts with "//" (all
 * ways a browser ends up on another host: "/\example.net", "/%5Cexample.net", "/%09/example.net");
 * what is left is resolved against APP_URL and must keep its origin. Anything else gives `fallback`.
 */
export function safeRedirect(target: unknown, appUrl: string, fallback = "/home"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
  let decoded = target;
  for (let i = 0; i < 5; i++) {
    if (!looksLikeLocalPath(decoded)) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (!looksLikeLocalPath(decoded)) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(appUrl);
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

function looksLikeLocalPath(s: string): boolean {
  return s.startsWith("/") && !s.startsWith("//") && !/[\\\s\u0000-\u001f\u007f]/.test(s);
}

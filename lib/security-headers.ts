/**
 * The Content-Security-Policy of every page (DESIGN.md security baseline). Scripts run only with
 * this response's nonce ('strict-dynamic' lets them load Next's chunks); no 'unsafe-inline' for
 * scripts. Development adds eval and the dev server's websocket for React's tooling.
 */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The largest server-action body accepted (next.config.ts and proxy.ts answer 413 beyond it). */
export const ACTION_BODY_LIMIT_BYTES = 256 * 1024;

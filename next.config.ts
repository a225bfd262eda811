import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

/**
 * DESIGN.md security baseline: no framing, nosniff, referrer policy; HSTS in production. The
 * Content-Security-Policy carries a per-response nonce, so proxy.ts sets it.
 */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isDev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pino"],
  // Matches ACTION_BODY_LIMIT_BYTES in lib/security-headers.ts (proxy.ts answers 413 beyond it).
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;

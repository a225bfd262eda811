import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemoData } from "../../db/seed";
import { E2E_ADMIN_DATABASE_URL, E2E_SECRETS } from "./env";

/** A fresh, migrated, seeded database of its own on the e2e PostgreSQL server. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = postgres(E2E_ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(E2E_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 1 });
  await migrateDatabase(handle);
  await seedDemoData(handle.db);
  await handle.close();
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(E2E_ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

/** Resend's API, mocked at the network edge: counts every email it is asked to send. */
export async function mockResend(): Promise<{ url: string; sent: Array<{ to: string; key: string }>; close(): Promise<void> }> {
  const sent: Array<{ to: string; key: string }> = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/emails") {
        const parsed = JSON.parse(body) as { to: string | string[] };
        sent.push({ to: Array.isArray(parsed.to) ? parsed.to[0]! : parsed.to, key: String(req.headers["idempotency-key"] ?? "") });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: `mock-${sent.length}` }));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, sent, close: () => new Promise((r) => server.close(() => r())) };
}

/** Another `next start` of the same production build, on its own port, against `databaseUrl`. */
export async function startInstance(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<{ url: string; stop(): void }> {
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, ...E2E_SECRETS, DATABASE_URL: databaseUrl, APP_URL: url, NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop: () => process.kill(-child.pid!, "SIGTERM") };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  process.kill(-child.pid!, "SIGTERM");
  throw new Error(`next start on ${port} did not come up`);
}

import { openDatabase } from "@/db/client";
import { searchRegisteredProviders } from "@/lib/requests/directory";
const h = await openDatabase({ url: process.env.DATABASE_URL!, max: 2 });
const words = process.argv.slice(2);
const qs = words.flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 2)));
for (const q of qs) await searchRegisteredProviders(h.db, q);
for (const q of qs) {
  const ts: number[] = [];
  let n = 0;
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); n = (await searchRegisteredProviders(h.db, q)).length; ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(q.padEnd(16), ts[2]!.toFixed(2), ts[4]!.toFixed(2), n);
}
await h.close();

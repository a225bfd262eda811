import fs from "node:fs";
import path from "node:path";

let list: Set<string> | undefined;

function load(): Set<string> {
  const file = path.join(process.cwd(), "lib", "auth", "common-passwords.txt");
  const words = fs.readFileSync(file, "utf8").split("\n").filter((w) => w && !w.startsWith("#"));
  return new Set(words);
}

/**
 * True when the password is, or is a common password dressed up with capitals and a trailing
 * number or symbol ("Password123!"), one of the 20,000 most common passwords. Server-side only.
 */
export function isCommonPassword(password: string): boolean {
  list ??= load();
  const lower = password.toLowerCase();
  const withoutTrailingSymbols = lower.replace(/[^a-z0-9]+$/, "");
  const core = lower.replace(/[^a-z]+$/, "").replace(/^[^a-z]+/, "");
  return list.has(lower) || list.has(withoutTrailingSymbols) || (core.length >= 6 && list.has(core));
}
